package io.groundbreak.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.groundbreak.testsupport.http.ProviderSignIn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client of several web app instances, as behind a load balancer: one cookie jar (cookies
 * are per host, not per port), redirects not followed, the CSRF cookie echoed on posts. Each call names
 * the instance it reaches.
 */
public final class Browser {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CookieManager cookies = ProviderSignIn.cookies();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    public HttpResponse<String> get(WebInstance instance, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(instance.url(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(WebInstance instance, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(instance.url(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public JsonNode json(WebInstance instance, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(instance, path);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    public HttpResponse<String> post(WebInstance instance, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(instance.url(path)).header("Content-Type", contentType)
                .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").map(HttpCookie::getValue).orElse(""))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post that does not echo the CSRF cookie: what a forged cross-site post looks like. */
    public HttpResponse<String> postWithoutCsrfToken(WebInstance instance, String path)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(instance.url(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    /** Signs in through the provider (ProviderSignIn); answers the app's answer to the provider's redirect (302 to /). */
    public HttpResponse<String> logIn(WebInstance instance, String user) throws IOException, InterruptedException {
        HttpResponse<String> login = ProviderSignIn.logIn(client, instance.url("/"), user);
        get(instance, "/web/me"); // issues the CSRF cookie the pages echo
        return login;
    }

    public HttpClient client() {
        return client;
    }

    public HttpResponse<String> upload(WebInstance instance, String fileName, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "groundbreak-" + UUID.randomUUID();
        return post(instance, "/web/imports", "multipart/form-data; boundary=" + boundary,
                xlsxForm(boundary, fileName, content));
    }

    /** The multipart/form-data body the import page posts: one .xlsx file in the field {@code file}. */
    public static byte[] xlsxForm(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
