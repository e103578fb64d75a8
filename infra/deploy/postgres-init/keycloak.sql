-- Keycloak's database (compose.yaml), run by the postgres image when it creates its data directory
CREATE DATABASE groundbreak_keycloak;
