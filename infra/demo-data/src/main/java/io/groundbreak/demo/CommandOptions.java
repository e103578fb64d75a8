package io.groundbreak.demo;

import io.groundbreak.demo.generate.DemoGenerator;
import io.groundbreak.demo.plan.DemoPlan;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The command line of {@link DemoDataCommand}. */
record CommandOptions(URI milestoneService, URI funnelService, URI auditService, int threads, LocalDate today,
                      boolean onlyIfEmpty, boolean dryRun, boolean help) {

    static final String USAGE = """
            usage: java -jar demo-data-exec.jar [options]
              --milestone-url=URL  milestone-service, where the demo is posted (default http://127.0.0.1:8081)
              --funnel-url=URL     funnel-service, asked by --if-empty (default http://127.0.0.1:8082)
              --audit-url=URL      audit-service, where the months are closed (default http://127.0.0.1:8083)
              --today=YYYY-MM-DD   the day the demo is carried on to (default today, Asia/Shanghai; not later)
              --threads=N          projects posted at once (default 4)
              --if-empty           load only if funnel-service knows no project yet
              --dry-run            post nothing: describe the demo
              --help               this text
            Posts as the local profile's district users d<code> / d<code>-dev, the targets as admin / admin-dev.""";

    static CommandOptions parse(List<String> arguments) {
        URI milestones = URI.create("http://127.0.0.1:8081");
        URI funnel = URI.create("http://127.0.0.1:8082");
        URI audit = URI.create("http://127.0.0.1:8083");
        LocalDate today = LocalDate.now(DemoGenerator.CITY_ZONE);
        int threads = 4;
        boolean ifEmpty = false;
        boolean dryRun = false;
        boolean help = false;
        for (String argument : arguments) {
            String[] nameAndValue = argument.split("=", 2);
            String value = nameAndValue.length == 2 ? nameAndValue[1] : null;
            switch (nameAndValue[0]) {
                case "--milestone-url" -> milestones = url(argument, value);
                case "--funnel-url" -> funnel = url(argument, value);
                case "--audit-url" -> audit = url(argument, value);
                case "--today" -> today = day(argument, value);
                case "--threads" -> threads = threads(argument, value);
                case "--if-empty" -> ifEmpty = flag(argument, value);
                case "--dry-run" -> dryRun = flag(argument, value);
                case "--help", "-h" -> help = flag(argument, value);
                default -> throw new IllegalArgumentException("unknown option " + argument);
            }
        }
        return new CommandOptions(milestones, funnel, audit, threads, today, ifEmpty, dryRun, help);
    }

    /** A day of the plan's end or later, and not after today: nothing is dated in the future. */
    private static LocalDate day(String argument, String value) {
        LocalDate day;
        try {
            day = LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(argument + ": a date YYYY-MM-DD is needed");
        }
        if (day.isBefore(DemoPlan.PLAN_END) || day.isAfter(LocalDate.now(DemoGenerator.CITY_ZONE))) {
            throw new IllegalArgumentException(argument + ": from " + DemoPlan.PLAN_END + " to today");
        }
        return day;
    }

    private static URI url(String argument, String value) {
        if (value == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
            throw new IllegalArgumentException(argument + ": an http(s) URL is needed");
        }
        return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
    }

    private static int threads(String argument, String value) {
        try {
            int threads = Integer.parseInt(value == null ? "" : value);
            if (threads < 1 || threads > 64) {
                throw new IllegalArgumentException(argument + ": between 1 and 64");
            }
            return threads;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(argument + ": a whole number is needed");
        }
    }

    private static boolean flag(String argument, String value) {
        if (value != null) {
            throw new IllegalArgumentException(argument + ": takes no value");
        }
        return true;
    }
}
