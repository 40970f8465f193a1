package org.capebatch.answers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.capebatch.output.AtomicFile;
import org.capebatch.output.ManifestFile;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code manifest.json} of an answers import (SPEC §6.6, as in §5): job and
 * parameters (kind, input, every file with its SHA-256), rows read, the ledger's entries
 * per state and this import's rows per outcome, and every output file with its hash and
 * rows. Keys in a fixed order and LF line ends, so equal manifests are equal bytes.
 */
public final class AnswersManifestWriter {

    public static final String FILE_NAME = "manifest.json";

    public static final String JOB_NAME = "capeAnswersJob";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final ObjectWriter WRITER = MAPPER.writer()
        .with(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private AnswersManifestWriter() {
    }

    public static void write(Path target, ImportKind kind, String input, List<String> filesWithSha256,
            Map<String, Long> entriesByState, Map<String, Long> rowsByOutcome, long rowsRead, List<ManifestFile> files)
            throws IOException {
        byte[] json = toJson(kind, input, filesWithSha256, entriesByState, rowsByOutcome, rowsRead, files)
            .getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, (OutputStream out) -> out.write(json));
    }

    static String toJson(ImportKind kind, String input, List<String> filesWithSha256, Map<String, Long> entriesByState,
            Map<String, Long> rowsByOutcome, long rowsRead, List<ManifestFile> files) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode job = root.putObject("job");
        job.put("name", JOB_NAME);
        ObjectNode parameters = job.putObject("parameters");
        parameters.put("kind", kind.parameter());
        parameters.put(kind.parameter(), input);
        ArrayNode inputFiles = parameters.putArray("files");
        for (String file : filesWithSha256) {
            int space = file.lastIndexOf(' ');
            ObjectNode f = inputFiles.addObject();
            f.put("name", file.substring(0, space));
            f.put("sha256", file.substring(space + 1));
        }
        ObjectNode counts = root.putObject("counts");
        counts.put("rows_read", rowsRead);
        ObjectNode outcomes = counts.putObject("rows_by_outcome");
        rowsByOutcome.forEach(outcomes::put);
        ObjectNode states = counts.putObject("entries_by_state");
        entriesByState.forEach(states::put);
        counts.put("entries", entriesByState.values().stream().mapToLong(Long::longValue).sum());
        ArrayNode array = root.putArray("files");
        for (ManifestFile f : files.stream().sorted(Comparator.comparing(ManifestFile::path)).toList()) {
            ObjectNode file = array.addObject();
            file.put("path", f.path());
            file.put("sha256", f.sha256());
            file.put("rows", f.rows());
        }
        return WRITER.writeValueAsString(root) + "\n";
    }

}
