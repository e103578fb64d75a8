package io.groundbreak.audit.completeness.client;

import java.io.InputStream;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code {"source":…,"projects":[{"projectId","sequence","hash"}, …]}} read while it arrives, one project at a
 * time (a million projects never sit in memory), checking that the projects come in the contract's order
 * (by projectId, as PostgreSQL orders uuids: their lowercase text).
 */
public final class HeadsStream implements Iterator<SourceHead>, AutoCloseable {

    private final String service;
    private final JsonParser parser;
    private SourceHead next;
    private String lastId;

    HeadsStream(String service, JsonMapper json, InputStream body) {
        this.service = service;
        try {
            this.parser = json.createParser(body);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new HeadsUnavailable(service, "the answer is not a JSON object", null);
            }
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_OBJECT || token == null) {
                    throw new HeadsUnavailable(service, "the answer has no \"projects\" array", null);
                }
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("projects".equals(name) && value == JsonToken.START_ARRAY) {
                    break;
                }
                parser.skipChildren();
            }
        } catch (JacksonException e) {
            throw new HeadsUnavailable(service, "not the heads' JSON: " + e.getOriginalMessage(), e);
        }
        advance();
    }

    private void advance() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                next = null;
                return;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new HeadsUnavailable(service, "a project is not a JSON object", null);
            }
            String projectText = null;
            Long sequence = null;
            String hash = null;
            for (JsonToken field = parser.nextToken(); field != JsonToken.END_OBJECT; field = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "projectId" -> projectText = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "sequence" -> sequence = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
                    case "hash" -> hash = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    default -> parser.skipChildren();
                }
            }
            if (projectText == null || sequence == null || hash == null) {
                throw new HeadsUnavailable(service, "a project lacks projectId, sequence or hash", null);
            }
            UUID projectId = UUID.fromString(projectText);
            String id = projectId.toString();
            if (lastId != null && id.compareTo(lastId) <= 0) {
                throw new HeadsUnavailable(service, "projects are not ordered by projectId (" + id + " after " + lastId + ")", null);
            }
            lastId = id;
            next = new SourceHead(projectId, sequence, hash);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new HeadsUnavailable(service, "not the heads' JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public SourceHead next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        SourceHead current = next;
        advance();
        return current;
    }

    /** The next head without taking it, or null at the end. */
    public SourceHead peek() {
        return next;
    }

    @Override
    public void close() {
        parser.close();
    }
}
