package io.groundbreak.reference;

import io.groundbreak.events.Stage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Districts, chains, stages and project sources with their Chinese and English names, read from UTF-8 CSV
 * files ({@value #DISTRICTS_FILE}, {@value #CHAINS_FILE}, {@value #STAGES_FILE}, and {@value #SOURCES_FILE}, which a
 * directory may leave out: a city without it records no project's source). They are data,
 * not code: the jar carries the reference deployment's files, and another city points
 * {@value #DIRECTORY_PROPERTY} (system property) or {@value #DIRECTORY_ENVIRONMENT_VARIABLE} at a
 * directory of its own. Stage codes are fixed by {@link Stage}; a city may rename stages only.
 */
public final class ReferenceData {

    public static final String DIRECTORY_PROPERTY = "groundbreak.reference-data";
    public static final String DIRECTORY_ENVIRONMENT_VARIABLE = "GROUNDBREAK_REFERENCE_DATA";
    public static final String DISTRICTS_FILE = "districts.csv";
    public static final String CHAINS_FILE = "chains.csv";
    public static final String STAGES_FILE = "stages.csv";
    /** Optional (schema 1.1): a directory of a city set up before sources existed still loads, with no sources. */
    public static final String SOURCES_FILE = "sources.csv";
    /** Where the reference deployment's files are inside the jar. */
    public static final String DEFAULT_RESOURCE_DIRECTORY = "reference/";

    /** National administrative division codes have six digits (docs/events.md "Reference data"). */
    private static final Pattern DISTRICT_CODE = Pattern.compile("[0-9]{6}");
    /** Chain and source codes travel in events and URLs: lowercase words joined by hyphens. */
    private static final Pattern CHAIN_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static volatile ReferenceData defaultData;

    private final String source;
    private final Map<String, District> districts;
    private final Map<String, Chain> chains;
    private final Map<Stage, StageInfo> stages;
    private final Map<String, Source> sources;

    private ReferenceData(String source, Map<String, District> districts, Map<String, Chain> chains,
                          Map<Stage, StageInfo> stages, Map<String, Source> sources) {
        this.source = source;
        this.districts = Collections.unmodifiableMap(districts);
        this.chains = Collections.unmodifiableMap(chains);
        this.stages = Collections.unmodifiableMap(stages);
        this.sources = Collections.unmodifiableMap(sources);
    }

    /** The reference deployment's data, from the jar. */
    public static ReferenceData loadDefault() {
        ReferenceData data = defaultData;
        if (data == null) {
            data = parse("classpath:" + DEFAULT_RESOURCE_DIRECTORY, ReferenceData::readResource,
                    file -> ReferenceData.class.getClassLoader().getResource(DEFAULT_RESOURCE_DIRECTORY + file) != null);
            defaultData = data;
        }
        return data;
    }

    /** Another data set: a directory holding the three CSV files. */
    public static ReferenceData load(Path directory) {
        return parse(directory.toString(), file -> readFile(directory.resolve(file)),
                file -> Files.exists(directory.resolve(file)));
    }

    /**
     * The data set this process is configured for: the directory named by the system property
     * {@value #DIRECTORY_PROPERTY}, else by the environment variable
     * {@value #DIRECTORY_ENVIRONMENT_VARIABLE}, else the default.
     */
    public static ReferenceData loadConfigured() {
        return loadConfigured(System::getProperty, System::getenv);
    }

    /** {@link #loadConfigured()} with the lookups passed in, so that the precedence can be tested. */
    public static ReferenceData loadConfigured(Function<String, String> systemProperties,
                                               Function<String, String> environment) {
        String directory = systemProperties.apply(DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            directory = environment.apply(DIRECTORY_ENVIRONMENT_VARIABLE);
        }
        return directory == null || directory.isBlank() ? loadDefault() : load(Path.of(directory.strip()));
    }

    /** Where the data came from: a directory, or {@code classpath:reference/}. */
    public String source() {
        return source;
    }

    /** In file order. */
    public List<District> districts() {
        return List.copyOf(districts.values());
    }

    public List<String> districtCodes() {
        return List.copyOf(districts.keySet());
    }

    public boolean isDistrict(String code) {
        return code != null && districts.containsKey(code);
    }

    public Optional<District> district(String code) {
        return Optional.ofNullable(code == null ? null : districts.get(code));
    }

    /** In file order. */
    public List<Chain> chains() {
        return List.copyOf(chains.values());
    }

    public List<String> chainCodes() {
        return List.copyOf(chains.keySet());
    }

    public boolean isChain(String code) {
        return code != null && chains.containsKey(code);
    }

    public Optional<Chain> chain(String code) {
        return Optional.ofNullable(code == null ? null : chains.get(code));
    }

    /** In funnel order, TALKS first. */
    public List<StageInfo> stages() {
        return List.copyOf(stages.values());
    }

    public StageInfo stage(Stage stage) {
        return stages.get(stage);
    }

    /** In file order; empty when the data set has no {@value #SOURCES_FILE}. */
    public List<Source> sources() {
        return List.copyOf(sources.values());
    }

    public List<String> sourceCodes() {
        return List.copyOf(sources.keySet());
    }

    public boolean isSource(String code) {
        return code != null && sources.containsKey(code);
    }

    public Optional<Source> source(String code) {
        return Optional.ofNullable(code == null ? null : sources.get(code));
    }

    @Override
    public String toString() {
        return "ReferenceData[" + source + ": " + districts.size() + " districts, " + chains.size() + " chains, "
                + sources.size() + " sources]";
    }

    private static ReferenceData parse(String source, Function<String, String> reader, Predicate<String> exists) {
        Map<String, District> districts = new LinkedHashMap<>();
        for (Csv.Row row : Csv.parse(DISTRICTS_FILE, reader.apply(DISTRICTS_FILE), List.of("code", "name_zh", "name_en"))) {
            String code = code(DISTRICTS_FILE, row, DISTRICT_CODE, "six digits");
            District district = new District(code, name(DISTRICTS_FILE, row, "name_zh"), name(DISTRICTS_FILE, row, "name_en"));
            if (districts.putIfAbsent(code, district) != null) {
                throw invalid(DISTRICTS_FILE, row, "district " + code + " is listed twice");
            }
        }
        Map<String, Chain> chains = new LinkedHashMap<>();
        for (Csv.Row row : Csv.parse(CHAINS_FILE, reader.apply(CHAINS_FILE), List.of("code", "name_zh", "name_en"))) {
            String code = code(CHAINS_FILE, row, CHAIN_CODE, "lowercase letters, digits and hyphens");
            Chain chain = new Chain(code, name(CHAINS_FILE, row, "name_zh"), name(CHAINS_FILE, row, "name_en"));
            if (chains.putIfAbsent(code, chain) != null) {
                throw invalid(CHAINS_FILE, row, "chain " + code + " is listed twice");
            }
        }
        Map<Stage, StageInfo> stages = new EnumMap<>(Stage.class);
        for (Csv.Row row : Csv.parse(STAGES_FILE, reader.apply(STAGES_FILE), List.of("code", "name_zh", "name_en", "order"))) {
            Stage stage = stage(row);
            int order = order(row);
            if (order != stage.ordinal() + 1) {
                // The funnel's order is the events' contract (Stage); a data file may not reorder it.
                throw invalid(STAGES_FILE, row, "stage " + stage + " must have order " + (stage.ordinal() + 1));
            }
            if (stages.put(stage, new StageInfo(stage, name(STAGES_FILE, row, "name_zh"), name(STAGES_FILE, row, "name_en"), order)) != null) {
                throw invalid(STAGES_FILE, row, "stage " + stage + " is listed twice");
            }
        }
        Map<String, Source> sources = new LinkedHashMap<>();
        if (exists.test(SOURCES_FILE)) {
            for (Csv.Row row : Csv.parse(SOURCES_FILE, reader.apply(SOURCES_FILE), List.of("code", "name_zh", "name_en"))) {
                String code = code(SOURCES_FILE, row, CHAIN_CODE, "lowercase letters, digits and hyphens");
                Source projectSource = new Source(code, name(SOURCES_FILE, row, "name_zh"), name(SOURCES_FILE, row, "name_en"));
                if (sources.putIfAbsent(code, projectSource) != null) {
                    throw invalid(SOURCES_FILE, row, "source " + code + " is listed twice");
                }
            }
        }
        if (districts.isEmpty()) {
            throw new InvalidReferenceDataException(source + "/" + DISTRICTS_FILE + ": no district");
        }
        if (chains.isEmpty()) {
            throw new InvalidReferenceDataException(source + "/" + CHAINS_FILE + ": no chain");
        }
        if (stages.size() != Stage.values().length) {
            List<Stage> missing = new ArrayList<>(List.of(Stage.values()));
            missing.removeAll(stages.keySet());
            throw new InvalidReferenceDataException(source + "/" + STAGES_FILE + ": stages " + missing + " are missing");
        }
        return new ReferenceData(source, districts, chains, stages, sources);
    }

    private static String code(String file, Csv.Row row, Pattern pattern, String rule) {
        String code = row.fields().get("code");
        if (!pattern.matcher(code).matches()) {
            throw invalid(file, row, "code '" + code + "' is not " + rule);
        }
        return code;
    }

    private static String name(String file, Csv.Row row, String column) {
        String name = row.fields().get(column);
        if (name.isEmpty()) {
            throw invalid(file, row, column + " is empty");
        }
        return name;
    }

    private static Stage stage(Csv.Row row) {
        String code = row.fields().get("code");
        try {
            return Stage.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw invalid(STAGES_FILE, row, "code '" + code + "' is not one of " + List.of(Stage.values()));
        }
    }

    private static int order(Csv.Row row) {
        try {
            return Integer.parseInt(row.fields().get("order"));
        } catch (NumberFormatException e) {
            throw invalid(STAGES_FILE, row, "order '" + row.fields().get("order") + "' is not a whole number");
        }
    }

    private static InvalidReferenceDataException invalid(String file, Csv.Row row, String message) {
        return new InvalidReferenceDataException(file + ":" + row.line() + ": " + message);
    }

    private static String readResource(String file) {
        String name = DEFAULT_RESOURCE_DIRECTORY + file;
        try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new InvalidReferenceDataException("classpath:" + name + " is missing");
            }
            return utf8(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readFile(Path path) {
        try {
            return utf8(path.toString(), Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new InvalidReferenceDataException(path + " is missing", e);
        } catch (IOException e) {
            throw new InvalidReferenceDataException(path + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Strict UTF-8: a file saved as GBK must fail loudly, not load as mojibake names. */
    private static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidReferenceDataException(name + " is not UTF-8", e);
        }
    }
}
