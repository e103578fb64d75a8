package io.groundbreak.events;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Events for the contract tests: hand-picked edge cases and seeded random ones of every type. */
public final class SampleEvents {

    public static final ProjectId PROJECT = ProjectId.parse("0b6f2c1e-4a57-4c2b-9f7e-3d8a1e5b2c90");
    /** Text that JSON and JCS must carry exactly: CJK, an emoji (a surrogate pair), quotes, escapes. */
    /** Schema 1.3: the other project of a pair, and a change request. */
    public static final ProjectId OTHER_PROJECT = ProjectId.parse("7d3e9a41-5c2b-4f18-8e6d-2a9c4b1f0e37");
    public static final ChangeRequestId REQUEST = ChangeRequestId.parse("5f0c2d7a-9b14-4e63-8a21-c7d0e4f9b358");
    public static final String AWKWARD_TEXT = "滨海新区 \"一期\" \\ 🏭\tline\nend\u0001 €";

    private SampleEvents() {
    }

    /** Each type with every optional field, and again with none; amounts and dates at their edges. */
    public static List<ProjectEvent> handPicked() {
        LocalDate day = LocalDate.of(2024, 5, 7);
        return List.of(
                new ProjectRegistered(PROJECT, "BH-2024-017", "高端储能电池生产基地", "120116", "new-energy",
                        "津海新能源科技有限公司", new BigDecimal("1500000000.00"), "滨海高新区"),
                new ProjectRegistered(PROJECT, "X", AWKWARD_TEXT, "120101", "other", "I", new BigDecimal("0"), null),
                new ProjectRegistered(PROJECT, "BH-2025-003", "智能网联汽车测试基地", "120116", "connected-vehicles", "某某汽车",
                        new BigDecimal("800000000.00"), null,
                        new PlannedDates(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 6, 30), LocalDate.of(2025, 9, 30),
                                LocalDate.of(2026, 12, 31)), "张伟", "李副区长", "world-intelligence-expo"),
                new ProjectRegistered(PROJECT, "Y", "n", "120101", "other", "I", new BigDecimal("1"), null,
                        new PlannedDates(null, LocalDate.of(2024, 2, 29), null, null), null, AWKWARD_TEXT, null),
                new MilestoneRecorded(PROJECT, Stage.SIGNED, day, new BigDecimal("0.5"), AWKWARD_TEXT),
                new MilestoneRecorded(PROJECT, Stage.TALKS, LocalDate.of(1999, 12, 31), null, null),
                new MilestoneCorrected(PROJECT, Stage.PRODUCING, LocalDate.of(2024, 2, 29),
                        new BigDecimal("99999999999999999999.99"), "日期有误"),
                new MilestoneCorrected(PROJECT, Stage.LANDED, day, null, "r"),
                new MilestoneRetracted(PROJECT, Stage.STARTED, "开工手续未办结"),
                new ProjectSuspended(PROJECT, LocalDate.of(2025, 1, 1), "融资调整"),
                new ProjectResumed(PROJECT, LocalDate.of(2025, 12, 31), "融资到位"),
                new ProjectTerminated(PROJECT, day, "撤回"),
                new InvestmentReported(PROJECT, YearMonth.of(2024, 1), new BigDecimal("320000000")),
                new InvestmentReported(PROJECT, YearMonth.of(2024, 12), new BigDecimal("0.01")),
                new ProjectDetailsAmended(PROJECT, "新名称", "aerospace", "新投资方", new BigDecimal("1800000000.10"),
                        "渤龙湖科技园", "二期扩建"),
                new ProjectDetailsAmended(PROJECT, null, null, null, new BigDecimal("1"), null, "调整"),
                new ProjectDetailsAmended(PROJECT, null, null, null, null, null,
                        new PlannedDates(null, null, LocalDate.of(2025, 10, 31), null), null, null, null, "开工计划推迟"),
                new ProjectDetailsAmended(PROJECT, null, null, null, null, null, null, "王芳", "赵局长", "beijing-tianjin-hebei",
                        "责任人调整"),
                new TargetsSet(TargetsSet.planOf(2025), 2025, List.of(
                        new TargetCell("120116", "new-energy", 3, 2, 2, 1, new BigDecimal("12000000000.00"),
                                new BigDecimal("3000000000.00")),
                        new TargetCell("120101", "other", 0, null, null, null, null, null)), "2025年度计划分解"),
                new TargetsSet(TargetsSet.planOf(2000), 2000, List.of(
                        new TargetCell("120119", "aerospace", null, null, null, 1000000, null, new BigDecimal("0"))),
                        AWKWARD_TEXT),
                new DuplicateDecided(DuplicateDecided.pairOf(PROJECT, OTHER_PROJECT), PROJECT, OTHER_PROJECT, true,
                        OTHER_PROJECT, "同一投资方同一项目"),
                new DuplicateDecided(DuplicateDecided.pairOf(PROJECT, OTHER_PROJECT), PROJECT, OTHER_PROJECT, false, null,
                        AWKWARD_TEXT),
                ChangeRequested.of(REQUEST, new MilestoneCorrected(PROJECT, Stage.SIGNED, day, null, "日期有误")),
                ChangeRequested.of(REQUEST, new MilestoneRetracted(PROJECT, Stage.STARTED, AWKWARD_TEXT)),
                ChangeRequested.of(REQUEST, new ProjectTerminated(PROJECT, day, "撤回")),
                ChangeRequested.of(REQUEST, new ProjectDetailsAmended(PROJECT, null, null, null, new BigDecimal("1.00"),
                        null, new PlannedDates(null, null, LocalDate.of(2025, 10, 31), null), null, null, null, "调减")),
                new ChangeApproved(PROJECT, REQUEST, "已核对"),
                new ChangeApproved(PROJECT, REQUEST, null),
                new ChangeRejected(PROJECT, REQUEST, AWKWARD_TEXT),
                new ChangeWithdrawn(PROJECT, REQUEST, "误操作"),
                new ChangeWithdrawn(PROJECT, REQUEST, null));
    }

    /** Random valid events of every type, the same ones on every run. */
    public static List<ProjectEvent> random(long seed, int count) {
        Random random = new Random(seed);
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> random(random, i % 13)).toList();
    }

    private static ProjectEvent random(Random r, int kind) {
        ProjectId id = new ProjectId(new UUID(r.nextLong(), r.nextLong()));
        Stage stage = Stage.values()[r.nextInt(Stage.values().length)];
        LocalDate date = LocalDate.ofEpochDay(r.nextInt(25_000));
        String[] districts = {"120101", "120116", "120119"};
        String[] chains = {"it-innovation", "new-energy", "other"};
        String[] sources = {"world-intelligence-expo", "district-promotion", "other"};
        return switch (kind) {
            case 0 -> new ProjectRegistered(id, text(r), text(r), districts[r.nextInt(3)], chains[r.nextInt(3)],
                    text(r), amount(r), r.nextBoolean() ? text(r) : null, r.nextBoolean() ? plannedDates(r) : null,
                    r.nextBoolean() ? text(r) : null, r.nextBoolean() ? text(r) : null,
                    r.nextBoolean() ? sources[r.nextInt(3)] : null);
            case 1 -> new MilestoneRecorded(id, stage, date, r.nextBoolean() ? amount(r) : null,
                    r.nextBoolean() ? text(r) : null);
            case 2 -> new MilestoneCorrected(id, stage, date, r.nextBoolean() ? amount(r) : null, text(r));
            case 3 -> new MilestoneRetracted(id, stage, text(r));
            case 4 -> new ProjectSuspended(id, date, text(r));
            case 5 -> new ProjectResumed(id, date, text(r));
            case 6 -> new ProjectTerminated(id, date, text(r));
            case 7 -> new InvestmentReported(id, YearMonth.of(1990 + r.nextInt(60), 1 + r.nextInt(12)), amount(r));
            case 9 -> {
                int year = 2000 + r.nextInt(101);
                yield new TargetsSet(TargetsSet.planOf(year), year, java.util.stream.IntStream.range(0, 1 + r.nextInt(3))
                        .mapToObj(i -> new TargetCell(districts[i], chains[r.nextInt(3)], count(r), count(r), count(r),
                                count(r), r.nextBoolean() ? amount(r) : null, r.nextBoolean() ? amount(r) : null))
                        .toList(), text(r));
            }
            case 10 -> {
                ProjectId other = new ProjectId(new UUID(r.nextLong(), r.nextLong()));
                ProjectId first = DuplicateDecided.first(id, other);
                ProjectId second = first.equals(id) ? other : id;
                boolean same = r.nextBoolean();
                yield new DuplicateDecided(DuplicateDecided.pairOf(id, other), first, second, same,
                        same ? (r.nextBoolean() ? first : second) : null, text(r));
            }
            case 11 -> ChangeRequested.of(new ChangeRequestId(new UUID(r.nextLong(), r.nextLong())),
                    random(r, new int[] {2, 3, 6, 8}[r.nextInt(4)]));
            case 12 -> {
                ChangeRequestId request = new ChangeRequestId(new UUID(r.nextLong(), r.nextLong()));
                yield switch (r.nextInt(3)) {
                    case 0 -> new ChangeApproved(id, request, r.nextBoolean() ? text(r) : null);
                    case 1 -> new ChangeRejected(id, request, text(r));
                    default -> new ChangeWithdrawn(id, request, r.nextBoolean() ? text(r) : null);
                };
            }
            default -> new ProjectDetailsAmended(id, text(r), r.nextBoolean() ? chains[r.nextInt(3)] : null,
                    r.nextBoolean() ? text(r) : null, r.nextBoolean() ? amount(r) : null, null,
                    r.nextBoolean() ? plannedDates(r) : null, r.nextBoolean() ? text(r) : null,
                    r.nextBoolean() ? text(r) : null, r.nextBoolean() ? sources[r.nextInt(3)] : null, text(r));
        };
    }

    /** One to four stages planned, in stage order (the schema does not require the order; the aggregate does). */
    static PlannedDates plannedDates(Random r) {
        LocalDate[] dates = new LocalDate[4];
        LocalDate date = LocalDate.ofEpochDay(r.nextInt(25_000));
        boolean any = false;
        for (int i = 0; i < 4; i++) {
            date = date.plusDays(r.nextInt(400));
            if (r.nextBoolean() || (i == 3 && !any)) {
                dates[i] = date;
                any = true;
            }
        }
        return new PlannedDates(dates[0], dates[1], dates[2], dates[3]);
    }

    /** A target's count, or none. */
    static Integer count(Random r) {
        return r.nextBoolean() ? r.nextInt(1_000_001) : null;
    }

    /** Non-negative, scale 0 to 2: what the contract allows, toPlainString of any of them. */
    static BigDecimal amount(Random r) {
        return new BigDecimal(new BigInteger(1 + r.nextInt(70), r), r.nextInt(3));
    }

    /** Any Unicode text with a non-blank character: CJK, ASCII, controls, supplementary planes. */
    static String text(Random r) {
        StringBuilder text = new StringBuilder("项");
        int length = r.nextInt(12);
        for (int i = 0; i < length; i++) {
            int codePoint = switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5f);
                case 1 -> 0x4e00 + r.nextInt(0x5000);
                case 2 -> r.nextInt(0x20);
                default -> 0x1f300 + r.nextInt(0x300);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
