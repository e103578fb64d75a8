package io.groundbreak.audit.export.write;

import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventEnvelope;
import io.groundbreak.events.EventTime;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** How an export writes events: one JSON object per line, or CSV with the body as JSON in one column. */
public enum ExportFormat {

    /** Each line exactly as {@link EventCodec#envelopeToJson} writes it: an auditor recomputes the hash from it. */
    JSONL("application/jsonl", "jsonl") {
        @Override
        public void writeHeader(Writer out) {
        }

        @Override
        public void write(StoredEvent event, Writer out) throws IOException {
            out.write(EventCodec.envelopeToJson(event.envelope()));
            out.write('\n');
        }
    },

    /** RFC 4180 with a header row; {@code data} is the body's JSON, so the same recipe applies after parsing it. */
    CSV("text/csv", "csv") {
        private static final List<String> COLUMNS =
                List.of("id", "type", "subject", "sequence", "time", "recordedBy", "prevHash", "hash", "district", "data");

        @Override
        public void writeHeader(Writer out) throws IOException {
            out.write(String.join(",", COLUMNS));
            out.write("\r\n");
        }

        @Override
        public void write(StoredEvent event, Writer out) throws IOException {
            EventEnvelope envelope = event.envelope();
            out.write(List.of(envelope.id().toString(), envelope.type(), envelope.subject().toString(),
                            Long.toString(envelope.sequence()), EventTime.format(envelope.time()), envelope.recordedBy(),
                            envelope.prevHash(), envelope.hash(), envelope.district(), EventCodec.toJson(envelope.data()))
                    .stream().map(ExportFormat::csvField).collect(Collectors.joining(",")));
            out.write("\r\n");
        }
    };

    private final String mediaType;
    private final String fileExtension;

    ExportFormat(String mediaType, String fileExtension) {
        this.mediaType = mediaType;
        this.fileExtension = fileExtension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileExtension() {
        return fileExtension;
    }

    public abstract void writeHeader(Writer out) throws IOException;

    public abstract void write(StoredEvent event, Writer out) throws IOException;

    private static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
