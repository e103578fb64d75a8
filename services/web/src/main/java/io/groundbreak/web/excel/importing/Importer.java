package io.groundbreak.web.excel.importing;

import io.groundbreak.web.excel.ExcelTexts;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.reference.ReferenceData;
import io.groundbreak.web.excel.reading.SheetContent;
import io.groundbreak.web.excel.reading.SheetRow;
import io.groundbreak.web.excel.reading.UnreadableSpreadsheet;
import io.groundbreak.web.excel.reading.XlsxSheetReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * An upload from reading to the start of its writes: the sheet is read (streaming), its header and
 * merged cells checked, each row judged for shape, the district's project codes looked up, and the
 * writes started in the background. What is wrong with the file as a whole is refused here, before
 * anything is sent; what is wrong with a row is that row's outcome.
 *
 * <p>Each write's Idempotency-Key is derived from the hash of the sheet's whole content and from the
 * row's own content: the same file uploaded again (even saved again by Excel, which changes its bytes
 * but not its cells) sends the same keys, and milestone-service answers each row as the first time
 * without recording anything. Identical rows in one file share a key, so the fact is recorded once.
 */
@Service
public class Importer {

    /** The template's data sheet: read when present, else the workbook's first sheet. */
    public static final String DATA_SHEET = "导入数据";

    private final XlsxSheetReader reader;
    private final ReferenceData referenceData;
    private final ExcelTexts texts;
    private final ProjectCodes projectCodes;
    private final ImportRunner runner;
    private final ImportRuns runs;
    private final Clock clock = Clock.systemUTC();

    Importer(ExcelProperties properties, ReferenceData referenceData, ExcelTexts texts, ProjectCodes projectCodes,
             ImportRunner runner, ImportRuns runs) {
        this.reader = new XlsxSheetReader(properties.maxRows());
        this.referenceData = referenceData;
        this.texts = texts;
        this.projectCodes = projectCodes;
        this.runner = runner;
        this.runs = runs;
    }

    ImportStatus start(CurrentUser user, Locale locale, String fileName, Path upload) throws UnreadableSpreadsheet {
        String district = user.district().filter(code -> user.isDistrictOffice())
                .orElseThrow(() -> new ImportForbidden(user.name()));
        SheetContent sheet = reader.read(upload, DATA_SHEET);
        if (!sheet.mergedRanges().isEmpty()) {
            throw new MergedCells(sheet.sheetName(), sheet.mergedRanges());
        }
        List<SheetRow> rows = sheet.rows();
        ImportHeader header = ImportHeader.of(sheet.sheetName(), rows.isEmpty() ? null : rows.get(0), texts, locale);
        RowParser parser = new RowParser(header, referenceData, district, texts, locale);

        List<ParsedRow> parsed = new ArrayList<>();
        MessageDigest content = sha256();
        update(content, sheet.sheetName());
        rows.get(0).cells().forEach(cell -> update(content, cell.reference() + "=" + cell.raw()));
        int previous = 1;
        for (SheetRow row : rows.subList(1, rows.size())) {
            for (int gap = previous + 1; gap < row.number(); gap++) {
                parsed.add(new EmptyRow(gap));
            }
            parsed.add(parser.parse(row));
            update(content, row.number() + ":" + parser.canonical(row));
            previous = row.number();
        }
        // rows with nothing but an office's own notes at the end are no data rows
        while (!parsed.isEmpty() && parsed.get(parsed.size() - 1) instanceof EmptyRow) {
            parsed.remove(parsed.size() - 1);
        }
        if (parsed.isEmpty()) {
            throw new NoDataRows(sheet.sheetName());
        }
        String contentHash = HexFormat.of().formatHex(content.digest());

        Map<String, String> projectIds = projectCodes.of(user, district);
        int[] rowNumbers = parsed.stream().mapToInt(ParsedRow::row).toArray();
        Map<Integer, SheetRow> byNumber = new HashMap<>();
        rows.forEach(row -> byNumber.put(row.number(), row));
        SheetRow[] asRead = parsed.stream().map(row -> byNumber.get(row.row())).toArray(SheetRow[]::new);
        ImportRun run = new ImportRun(UUID.randomUUID().toString(), user, locale, fileName, sheet.sheetName(),
                contentHash, clock.instant(), rowNumbers, header, asRead);
        List<IndexedWrite> writes = new ArrayList<>();
        for (int index = 0; index < parsed.size(); index++) {
            ParsedRow row = parsed.get(index);
            if (row instanceof RowWrite write) {
                writes.add(new IndexedWrite(index, write, idempotencyKey(contentHash, write)));
            } else if (row instanceof RowRefusal refusal) {
                run.answer(index, new RowOutcome(refusal.row(),
                        refusal.action() == null ? null : refusal.action().label(locale), refusal.code(),
                        Outcome.REFUSED, null, null, null, null, null,
                        String.join(" ", refusal.problems().stream().map(CellProblem::message).toList()),
                        refusal.problems()));
            } else {
                run.answer(index, new RowOutcome(row.row(), null, null, Outcome.SKIPPED, null, null, null, null, null,
                        texts.text(locale, "row.empty"), List.of()));
            }
        }
        runs.add(run);
        runner.start(run, writes, projectIds).whenComplete((done, failure) -> runs.finished(run));
        return run.status();
    }

    ImportStatus status(String id, CurrentUser user) {
        return runs.status(id, user.name());
    }

    ImportReport report(String id, CurrentUser user) {
        return runs.report(id, user.name());
    }

    /** 69 characters: milestone-service takes keys of up to 255. */
    static String idempotencyKey(String contentHash, RowWrite write) {
        MessageDigest digest = sha256();
        update(digest, contentHash);
        update(digest, write.canonical());
        return "xlsx-" + HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
