package io.groundbreak.audit.export.write;

import io.groundbreak.audit.ledger.store.StoredEvent;
import io.groundbreak.events.EventCodec;
import io.groundbreak.events.EventTime;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

/** How an export writes events: one JSON object per line, or CSV with the body as JSON in one column. */
public enum ExportFormat {

    /** Each line one event as {@link StoredEvent#asAuditorReadsIt()} writes it. */
    JSONL("application/jsonl", "jsonl") {
        @Override
        public void writeHeader(Writer out) {
        }

        @Override
        public void write(StoredEvent event, Writer out) throws IOException {
            out.write(EventCodec.jsonMapper().writeValueAsString(event.asAuditorReadsIt()));
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
            out.write(List.of(event.id().toString(), event.type(), event.projectId().toString(),
                            Long.toString(event.sequence()), EventTime.format(event.recordedAt()), event.recordedBy(),
                            event.prevHash(), event.hash(), event.district(), event.data())
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
