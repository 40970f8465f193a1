package org.capebatch.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.capebatch.output.AtomicFile;
import org.capebatch.output.CsvCells;
import org.capebatch.output.ManifestFile;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes {@code manifest.json} (SPEC §5). The JSON is built as a tree in a fixed key
 * order (not from bean introspection, whose order is a mapper setting), pretty-printed
 * with LF line ends whatever the platform, and files sorted by path — so equal manifests
 * are equal bytes. Money totals are strings with two decimals: a JSON number would invite
 * readers to parse cents into binary floating point.
 */
public final class ManifestWriter {

    public static final String FILE_NAME = "manifest.json";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final ObjectWriter WRITER = MAPPER.writer()
        .with(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ManifestWriter() {
    }

    public static void write(Path target, Manifest manifest) throws IOException {
        byte[] json = toJson(manifest).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, (OutputStream out) -> out.write(json));
    }

    /** The exact text written, ending with a newline. */
    public static String toJson(Manifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode job = root.putObject("job");
        job.put("name", manifest.jobName());
        ObjectNode parameters = job.putObject("parameters");
        parameters.put("input", manifest.input());
        parameters.put("runDate", CsvCells.date(manifest.runDate()));

        Manifest.Counts c = manifest.counts();
        ObjectNode counts = root.putObject("counts");
        counts.put("rows_read", c.rowsRead());
        counts.put("rows_rejected", c.rowsRejected());
        counts.put("entries", c.entries());
        counts.put("eligible", c.eligible());
        counts.put("excluded", c.excluded());

        Manifest.Totals t = manifest.totals();
        ObjectNode totals = root.putObject("totals");
        totals.put("ieepa_duty", CsvCells.money(t.ieepaDuty()));
        totals.put("interest", CsvCells.money(t.interest()));
        totals.put("refund_total", CsvCells.money(t.refundTotal()));

        List<ManifestFile> files = manifest.files().stream().sorted(Comparator.comparing(ManifestFile::path)).toList();
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i).path().equals(files.get(i - 1).path())) {
                throw new IllegalArgumentException("file listed twice in manifest: " + files.get(i).path());
            }
        }
        ArrayNode array = root.putArray("files");
        for (ManifestFile f : files) {
            ObjectNode file = array.addObject();
            file.put("path", f.path());
            file.put("sha256", f.sha256());
            file.put("rows", f.rows());
        }
        return WRITER.writeValueAsString(root) + "\n";
    }

}
