package io.groundbreak.demo;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.load.DemoLoader;
import io.groundbreak.demo.load.FailedRequest;
import io.groundbreak.demo.load.LedgerProbe;
import io.groundbreak.demo.load.LoadResult;
import io.groundbreak.demo.plan.DemoPlan;
import io.groundbreak.demo.plan.Money;
import io.groundbreak.demo.plan.StageFigures;
import io.groundbreak.demo.plan.TargetCell;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Loads the demo into a running Groundbreak: {@code infra/local.sh demo}, and {@code infra/local.sh up}
 * with {@code --if-empty}. Exit status 0 when every request was answered 2xx (or nothing was to be done),
 * 1 when any was not, 2 for a wrong command line.
 */
public final class DemoDataCommand {

    /** Failed requests printed one by one; beyond that only counted. */
    private static final int FAILURES_SHOWN = 20;

    private DemoDataCommand() {
    }

    public static void main(String[] arguments) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(List.of(arguments), out, err));
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err) throws InterruptedException {
        CommandOptions options;
        try {
            options = CommandOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            err.println("demo data: " + e.getMessage());
            err.println(CommandOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(CommandOptions.USAGE);
            return 0;
        }
        DemoPlan plan = DemoGenerator.standard(options.today());
        if (options.dryRun()) {
            out.println("demo data (not posted): " + describe(plan));
            out.println("funnel on " + plan.today() + ": " + funnel(plan));
            out.println(supervision(plan));
            return 0;
        }
        if (options.onlyIfEmpty()) {
            try {
                long known = new LedgerProbe(options.funnelService()).projectsKnown();
                if (known > 0) {
                    out.println("demo data not loaded: the ledger already holds " + known + " projects");
                    return 0;
                }
            } catch (IOException e) {
                err.println("demo data: cannot tell whether the ledger is empty: " + e.getMessage());
                return 1;
            }
        }
        LoadResult result = new DemoLoader(options.milestoneService(), options.auditService(), options.threads())
                .load(plan);
        if (!result.succeeded()) {
            err.println("demo data: " + result.failures().size() + " requests failed (" + result.notSent()
                    + " later requests of their projects not sent; " + result.recorded() + " recorded, "
                    + result.replayed() + " already recorded):");
            result.failures().stream().limit(FAILURES_SHOWN).map(FailedRequest::toString)
                    .forEach(failure -> err.println("  " + failure));
            if (result.failures().size() > FAILURES_SHOWN) {
                err.println("  … and " + (result.failures().size() - FAILURES_SHOWN) + " more");
            }
            return 1;
        }
        out.println(String.format(Locale.ROOT,
                "demo data: %s (%,d recorded, %,d already recorded) → %s and %s in %.1f s",
                describe(plan), result.recorded(), result.replayed(), options.milestoneService(), options.auditService(),
                result.took().toMillis() / 1000.0));
        return 0;
    }

    private static String describe(DemoPlan plan) {
        return String.format(Locale.ROOT, "%d projects, %,d events, planned investment %s, %d months closed, up to %s",
                plan.projects().size(), plan.eventCount(), Money.yi(plan.plannedInvestmentCny()), plan.closes().size(),
                plan.today());
    }

    private static String supervision(DemoPlan plan) {
        return "targets: " + plan.targets().stream()
                .map(year -> String.format(Locale.ROOT, "%d %d cells, %d signings, %s planned", year.year(),
                        year.cells().size(), year.signed(), Money.yi(year.cells().stream()
                                .map(TargetCell::plannedInvestmentCny).reduce(java.math.BigDecimal.ZERO,
                                        java.math.BigDecimal::add))))
                .collect(Collectors.joining("; "))
                + "; restatements: " + plan.projects().stream().filter(p -> !p.restatements().isEmpty()).count();
    }

    private static String funnel(DemoPlan plan) {
        List<StageFigures> stages = plan.funnelOn(plan.today());
        return stages.stream()
                .map(stage -> stage.stage() + " reached " + stage.reached() + " (current " + stage.current()
                        + ", lost " + stage.lost() + ")")
                .collect(Collectors.joining(", "));
    }
}
