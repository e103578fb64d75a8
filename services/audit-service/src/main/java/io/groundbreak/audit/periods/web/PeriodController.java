package io.groundbreak.audit.periods.web;

import io.groundbreak.audit.ledger.freshness.Freshness;
import io.groundbreak.audit.ledger.freshness.FreshnessReader;
import io.groundbreak.audit.ledger.freshness.WithFreshness;
import io.groundbreak.audit.periods.close.CloseBoard;
import io.groundbreak.audit.periods.close.PeriodAlreadyClosed;
import io.groundbreak.audit.periods.close.PeriodClosing;
import io.groundbreak.audit.periods.close.PeriodNotClosed;
import io.groundbreak.audit.periods.close.PeriodNotEnded;
import io.groundbreak.audit.periods.close.PeriodState;
import io.groundbreak.audit.periods.figures.PeriodFigures;
import io.groundbreak.audit.periods.figures.PeriodReplay;
import io.groundbreak.audit.periods.store.PeriodAct;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.text.TextRules;
import io.groundbreak.kit.web.InvalidInput;
import io.groundbreak.kit.web.Problems;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly close (issue 19, docs/api.md "Periods"). Roles are checked by config/SecurityConfig; districts here: a
 * district office closes and reads its own district only, ADMIN closes and reopens the district it names, LEADER,
 * AUDITOR and ADMIN read any. Every parameter is checked (400) before the district (403) and the rules (422, 409),
 * and nothing is written unless all pass.
 */
@RestController
@RequestMapping("/api/periods")
class PeriodController {

    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final int MAX_REASON = 1000;

    private final PeriodClosing closing;
    private final PeriodReplay replay;
    private final ReferenceData referenceData;
    private final FreshnessReader freshness;
    private final Clock clock;

    PeriodController(PeriodClosing closing, PeriodReplay replay, ReferenceData referenceData, FreshnessReader freshness,
                     Clock clock) {
        this.closing = closing;
        this.replay = replay;
        this.referenceData = referenceData;
        this.freshness = freshness;
        this.clock = clock;
    }

    @PostMapping("/{period}/close")
    @ResponseStatus(HttpStatus.CREATED)
    PeriodAct close(@PathVariable String period, @RequestBody(required = false) CloseRequest request,
                    Authentication authentication) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Optional<YearMonth> month = period(period, problems);
        Optional<String> district = district(request == null ? null : request.district(), problems);
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isDistrictOffice()) {
            required(district, "which district's month is closed?", problems);
        }
        check(problems);
        return closing.close(ownOr(district, user), month.orElseThrow(), user.name());
    }

    @PostMapping("/{period}/reopen")
    PeriodAct reopen(@PathVariable String period, @RequestBody(required = false) ReopenRequest request,
                     Authentication authentication) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Optional<YearMonth> month = period(period, problems);
        Optional<String> district = district(request == null ? null : request.district(), problems);
        required(district, "which district's month is reopened?", problems);
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            problems.add(new InvalidInput.FieldProblem("reason", "is required: why is the month reopened?"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new InvalidInput.FieldProblem("reason", "must be at most 1000 characters"));
        } else if (!TextRules.isFreeText(reason)) {
            problems.add(new InvalidInput.FieldProblem("reason",
                    "must not contain U+0000 or other control characters but tab and line breaks, nor lone surrogates"));
        }
        check(problems);
        return closing.reopen(district.orElseThrow(), month.orElseThrow(), reason.strip(),
                CurrentUser.of(authentication).name());
    }

    @GetMapping("/{period}")
    WithFreshness<PeriodReport> report(@PathVariable String period, @RequestParam(required = false) String district,
                                       Authentication authentication) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Optional<YearMonth> month = period(period, problems);
        Optional<String> given = district(district, problems);
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isDistrictOffice()) {
            required(given, "which district's month?", problems);
        }
        check(problems);
        String code = ownOr(given, user);
        Freshness fresh = freshness.now();
        PeriodState state = closing.state(code, month.orElseThrow());
        Optional<PeriodAct> close = state.closeInForce();
        PeriodFigures figures = replay.figures(month.get(), code, close.map(PeriodAct::at), clock.instant());
        return new WithFreshness<>(new PeriodReport(month.get().toString(), code, close.isPresent() ? "closed" : "open",
                close.map(PeriodAct::at).orElse(null), close.map(PeriodAct::by).orElse(null), state.history(),
                figures.asClosed(), figures.asKnownNow(), figures.differences(), figures.restatements()), fresh);
    }

    @GetMapping("/{period}/closes")
    CloseBoard closes(@PathVariable String period) {
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        Optional<YearMonth> month = period(period, problems);
        check(problems);
        return closing.board(month.orElseThrow());
    }

    /** {@code yyyy-MM}, a real month. */
    private static Optional<YearMonth> period(String text, List<InvalidInput.FieldProblem> problems) {
        if (text != null && PERIOD.matcher(text).matches()) {
            try {
                return Optional.of(YearMonth.parse(text));
            } catch (DateTimeException e) {
                // e.g. 2024-13: the problem below
            }
        }
        problems.add(new InvalidInput.FieldProblem("period", "must be a month YYYY-MM"));
        return Optional.empty();
    }

    private Optional<String> district(String text, List<InvalidInput.FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String code = text.strip();
        if (!referenceData.isDistrict(code)) {
            problems.add(new InvalidInput.FieldProblem("district", "is not a district code of the reference data"));
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** A district not given (and not already named as unknown) is a problem of its own. */
    private static void required(Optional<String> district, String question, List<InvalidInput.FieldProblem> problems) {
        if (district.isEmpty() && problems.stream().noneMatch(problem -> problem.field().equals("district"))) {
            problems.add(new InvalidInput.FieldProblem("district", "is required: " + question));
        }
    }

    private static void check(List<InvalidInput.FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** A district office acts on its own district (the default), any other role on the one it names. */
    private static String ownOr(Optional<String> district, CurrentUser user) {
        if (!user.isDistrictOffice()) {
            return district.orElseThrow();
        }
        String own = user.district().orElseThrow(() -> new OtherDistrict(user.name()));
        if (district.isPresent() && !district.get().equals(own)) {
            throw new OtherDistrict(user.name());
        }
        return own;
    }

    @ExceptionHandler(OtherDistrict.class)
    ProblemDetail otherDistrict(OtherDistrict refused) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "A district office closes and reads its own district only.");
    }

    @ExceptionHandler(PeriodNotEnded.class)
    ProblemDetail notEnded(PeriodNotEnded refused) {
        return Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "period-not-ended",
                "The month has not ended yet (Asia/Shanghai): it can be closed from the first day of the next month.");
    }

    @ExceptionHandler(PeriodAlreadyClosed.class)
    ProblemDetail alreadyClosed(PeriodAlreadyClosed refused) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "period-already-closed",
                "The month is closed already; ADMIN can reopen it with a reason.");
        problem.setProperty("closedAt", refused.close().at().toString());
        problem.setProperty("closedBy", refused.close().by());
        return problem;
    }

    @ExceptionHandler(PeriodNotClosed.class)
    ProblemDetail notClosed(PeriodNotClosed refused) {
        return Problems.of(HttpStatus.CONFLICT, "period-not-closed", "The month is not closed: there is nothing to reopen.");
    }
}
