package io.groundbreak.funnel.web;

import io.groundbreak.funnel.query.FunnelFilter;
import io.groundbreak.kit.security.CurrentUser;
import io.groundbreak.kit.web.InvalidInput;
import io.groundbreak.reference.ReferenceData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one request's query parameters, collecting every bad one so that the 400 names them all. A
 * blank parameter counts as not given.
 */
final class Parameters {

    /** Dates in Groundbreak are local dates of the city (docs/events.md). */
    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    private final ReferenceData referenceData;
    private final Clock clock;
    private final List<InvalidInput.FieldProblem> problems = new ArrayList<>();

    Parameters(ReferenceData referenceData, Clock clock) {
        this.referenceData = referenceData;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(CITY_ZONE));
    }

    /** asOf, district and chain, in that order, as the funnel endpoints take them. */
    FunnelFilter filter(String asOf, String district, String chain) {
        LocalDate date = parsed("asOf", asOf, Parameters::date, "must be a date YYYY-MM-DD").orElseGet(this::today);
        return new FunnelFilter(date, district(district), chain(chain));
    }

    /**
     * ISO dates with a four-digit year only: LocalDate takes years up to 999,999,999 (e.g. +1000000-01-01), which
     * PostgreSQL's date cannot hold and period arithmetic overflows on, and either would answer 500, not 400.
     */
    private static LocalDate date(String text) {
        LocalDate date = LocalDate.parse(text);
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range: " + text);
        }
        return date;
    }

    Optional<String> district(String value) {
        return known("district", value, referenceData::isDistrict, "is not a district code of the reference data");
    }

    Optional<String> chain(String value) {
        return known("chain", value, referenceData::isChain, "is not a chain code of the reference data");
    }

    Optional<YearMonth> month(String name, String value) {
        return parsed(name, value, Parameters::month, "must be a month YYYY-MM");
    }

    /** Four-digit years only, as {@link #date}: YearMonth too takes +1000000-01. */
    private static YearMonth month(String text) {
        YearMonth month = YearMonth.parse(text);
        if (month.getYear() < 1 || month.getYear() > 9999) {
            throw new IllegalArgumentException("year out of range: " + text);
        }
        return month;
    }

    <T> Optional<T> parsed(String name, String value, Function<String, T> parser, String message) {
        Optional<String> given = given(value);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(given.get()));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(new InvalidInput.FieldProblem(name, message));
            return Optional.empty();
        }
    }

    int number(String name, String value, int fallback, int min, int max) {
        Optional<Integer> number = parsed(name, value, Integer::valueOf, "must be a whole number from " + min + " to " + max);
        if (number.isPresent() && (number.get() < min || number.get() > max)) {
            problem(name, "must be a whole number from " + min + " to " + max);
        }
        return number.orElse(fallback);
    }

    void problem(String name, String message) {
        problems.add(new InvalidInput.FieldProblem(name, message));
    }

    /** Throws the 400 if any parameter was bad; call before looking at the caller's district. */
    void check() {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /**
     * A district office sees its own district only: without {@code district} it gets its own, and
     * naming another is refused.
     */
    static Optional<String> scopedDistrict(Optional<String> district, CurrentUser user) {
        if (!user.isDistrictOffice()) {
            return district;
        }
        String own = user.district().orElseThrow(() -> new OtherDistrict(user.name()));
        if (district.isPresent() && !district.get().equals(own)) {
            throw new OtherDistrict(user.name());
        }
        return Optional.of(own);
    }

    static FunnelFilter scoped(FunnelFilter filter, CurrentUser user) {
        return new FunnelFilter(filter.asOf(), scopedDistrict(filter.district(), user), filter.chain());
    }

    private Optional<String> known(String name, String value, java.util.function.Predicate<String> known, String message) {
        Optional<String> given = given(value);
        if (given.isPresent() && !known.test(given.get())) {
            problem(name, message);
            return Optional.empty();
        }
        return given;
    }

    private static Optional<String> given(String parameter) {
        return parameter == null || parameter.isBlank() ? Optional.empty() : Optional.of(parameter.strip());
    }
}
