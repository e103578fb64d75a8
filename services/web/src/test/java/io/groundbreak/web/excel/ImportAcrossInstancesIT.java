package io.groundbreak.web.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.groundbreak.testsupport.TestDatabase;
import io.groundbreak.testsupport.TestInfrastructure;
import io.groundbreak.web.Browser;
import io.groundbreak.web.WebInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the web app on one database: an import uploaded to the first is followed on the
 * second — its progress while it runs, its report and the report workbook once finished — also after the
 * first has stopped; another user sees none of it; an import whose instance stopped mid-way is said to
 * be interrupted instead of running for ever. Stand-ins play funnel-service (the district's projects) and
 * milestone-service (a batch answering 201 for every write, held until the test lets them through).
 */
class ImportAcrossInstancesIT {

    private static final String PROJECT = "7d1c0e7e-1111-4a6b-9c3d-000000000001";
    private static final String DOWN = "http://127.0.0.1:1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path folder;

    private final List<WebInstance> instances = new ArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger writes = new AtomicInteger();
    private HttpServer funnel;
    private HttpServer milestone;
    private TestDatabase database;

    @BeforeEach
    void services() throws IOException {
        funnel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        funnel.createContext("/api/projects", exchange -> answer(exchange, 200,
                "{\"items\":[{\"code\":\"TJ-1\",\"projectId\":\"" + PROJECT + "\"}],\"totalPages\":1}"));
        funnel.start();
        milestone = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        milestone.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        milestone.createContext("/api/batch", exchange -> {
            JsonNode actions = JSON.readTree(exchange.getRequestBody().readAllBytes()).get("actions");
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> results = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                results.add("{\"status\":201,\"replayed\":false,\"body\":{\"projectId\":\"" + PROJECT
                        + "\",\"eventId\":\"" + UUID.randomUUID() + "\",\"sequence\":" + (1 + writes.incrementAndGet()) + "}}");
            }
            answer(exchange, 200, "{\"results\":[" + String.join(",", results) + "]}");
        });
        milestone.start();
        database = TestInfrastructure.get().newDatabase("web_imports");
    }

    @AfterEach
    void stop() {
        gate.countDown();
        instances.forEach(WebInstance::close);
        funnel.stop(0);
        milestone.stop(0);
    }

    @Test
    void anImportUploadedToOneInstanceIsFollowedAndReportedByTheOther() throws Exception {
        WebInstance first = start();
        WebInstance second = start();
        Browser office = new Browser();
        office.logIn(first, "d120116", "d120116-dev");
        byte[] file = xlsx(List.of(Sheets.header(),
                Sheets.row("记录里程碑", "TJ-1", null, null, null, null, null, null, "签约", "2024-03-01"),
                Sheets.row("记录里程碑", "TJ-1", null, null, null, null, null, null, "落地", "2024-04-01"),
                Sheets.row("记录里程碑", "TJ-2", null, null, null, null, null, null, "没有这个阶段", "2024-03-01")));

        HttpResponse<String> upload = office.upload(first, "十二月调度.xlsx", file);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
        String id = upload.headers().firstValue("Location").orElseThrow().replace("/web/imports/", "");

        // running on the first, its progress read on the second
        JsonNode running = office.json(second, "/web/imports/" + id);
        assertThat(running.get("state").asString()).isEqualTo("RUNNING");
        assertThat(running.get("total").asInt()).isEqualTo(3);
        assertThat(running.get("fileName").asString()).isEqualTo("十二月调度.xlsx");
        assertThat(office.getBytes(second, "/web/imports/" + id + "/report.xlsx").statusCode())
                .as("no report before it has finished").isEqualTo(409);

        gate.countDown();
        JsonNode finished = await().atMost(Duration.ofSeconds(30)).until(
                () -> office.json(second, "/web/imports/" + id), status -> "FINISHED".equals(status.get("state").asString()));
        assertThat(finished).isEqualTo(office.json(first, "/web/imports/" + id));
        assertThat(finished.get("done").asInt()).isEqualTo(3);
        assertThat(finished.get("counts").get("accepted").asInt()).isEqualTo(2);
        assertThat(finished.get("counts").get("refused").asInt()).isEqualTo(1);
        assertThat(finished.get("rows")).hasSize(3);
        assertThat(finished.get("rows").get(0).get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(finished.get("rows").get(0).get("sequence").asLong()).isGreaterThan(1);
        assertThat(finished.get("rows").get(2).get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(finished.get("rows").get(2).get("message").asString()).contains("没有这个阶段");

        first.close();
        assertThat(office.json(second, "/web/imports/" + id)).as("the first instance stopped").isEqualTo(finished);
        HttpResponse<byte[]> report = office.getBytes(second, "/web/imports/" + id + "/report.xlsx");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElseThrow()).isEqualTo(Browser.XLSX);
        assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).contains("import-report.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            String text = sheetText(book.getSheetAt(0));
            assertThat(text).contains("十二月调度.xlsx").contains("d120116").contains("TJ-1").contains("TJ-2")
                    .contains(finished.get("rows").get(0).get("eventId").asString())
                    .contains(finished.get("contentHash").asString());
            Sheet toFix = book.getSheet("导入数据");
            assertThat(toFix).as("the refused row handed back").isNotNull();
            assertThat(sheetText(toFix)).contains("没有这个阶段").doesNotContain("2024-04-01");
        }
        assertThat(writes.get()).as("each row sent once, by the first instance").isEqualTo(2);

        Browser another = new Browser();
        another.logIn(second, "d120101", "d120101-dev");
        assertThat(another.get(second, "/web/imports/" + id).statusCode()).as("another office's import").isEqualTo(404);
        assertThat(another.getBytes(second, "/web/imports/" + id + "/report.xlsx").statusCode()).isEqualTo(404);
        assertThat(office.get(second, "/web/imports/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void anImportWhoseInstanceStoppedMidwayIsInterruptedNotRunningForEver() throws Exception {
        WebInstance web = start();
        Browser office = new Browser();
        office.logIn(web, "d120116", "d120116-dev");
        String id = UUID.randomUUID().toString();
        String status = "{\"id\":\"" + id + "\",\"fileName\":\"a.xlsx\",\"sheet\":\"导入数据\",\"contentHash\":\"ab\","
                + "\"state\":\"RUNNING\",\"startedAt\":\"2026-01-01T00:00:00Z\",\"finishedAt\":null,\"total\":10,"
                + "\"done\":4,\"counts\":{\"accepted\":4,\"submitted\":0,\"replayed\":0,\"refused\":0,\"skipped\":0,\"unconfirmed\":0},"
                + "\"rows\":null,\"report\":\"/web/imports/" + id + "/report.xlsx\"}";
        // as another instance left it when it was killed: running, its last heartbeat a minute ago
        insertRunning(id, "d120116", status, Instant.now().minusSeconds(60));

        JsonNode interrupted = office.json(web, "/web/imports/" + id);
        assertThat(interrupted.get("state").asString()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.get("done").asInt()).isEqualTo(4);
        HttpResponse<String> report = office.get(web, "/web/imports/" + id + "/report.xlsx");
        assertThat(report.statusCode()).isEqualTo(409);
        assertThat(report.body()).contains("urn:groundbreak:problem:import-interrupted");

        String fresh = UUID.randomUUID().toString();
        insertRunning(fresh, "d120116", status.replace(id, fresh), Instant.now());
        assertThat(office.json(web, "/web/imports/" + fresh).get("state").asString())
                .as("a heartbeat within the last seconds: still running elsewhere").isEqualTo("RUNNING");
    }

    private void insertRunning(String id, String user, String status, Instant heartbeat) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO import_run"
                     + " (id, user_name, locale, state, started_at, heartbeat_at, status)"
                     + " VALUES (?, ?, 'zh-CN', 'RUNNING', ?, ?, ?)")) {
            insert.setObject(1, UUID.fromString(id));
            insert.setString(2, user);
            insert.setTimestamp(3, Timestamp.from(heartbeat));
            insert.setTimestamp(4, Timestamp.from(heartbeat));
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }

    private WebInstance start() {
        WebInstance instance = WebInstance.start(database, "http://127.0.0.1:" + milestone.getAddress().getPort(),
                "http://127.0.0.1:" + funnel.getAddress().getPort(), DOWN);
        instances.add(instance);
        return instance;
    }

    private byte[] xlsx(List<List<Object>> rows) throws IOException {
        return Files.readAllBytes(Sheets.write(folder, UUID.randomUUID() + ".xlsx", "导入数据", rows));
    }

    private static String sheetText(Sheet sheet) {
        DataFormatter formatter = new DataFormatter();
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('|'));
            text.append('\n');
        }
        return text.toString();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
