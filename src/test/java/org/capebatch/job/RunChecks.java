package org.capebatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.capebatch.report.AssessmentCsvWriter;

import tools.jackson.databind.JsonNode;

/**
 * The invariants every completed run must satisfy (SPEC §2 "nothing is lost", §5),
 * checked on the files a run wrote and the input it read. Specific tests add their own
 * expectations on top.
 */
final class RunChecks {

    static final String REJECTED_HEADER = "source_file,line,column,value,message";

    private static final Pattern DECLARATION_NAME = Pattern.compile("CAPE_[A-Z0-9]+_(\\d{8})_\\d{3}\\.csv");

    private RunChecks() {
    }

    /**
     * @param inputs the CSV inputs of the run, in the order the job reads them
     * @param usedRows rows staged and kept (from the database), the "used" side of
     * rows_read = used + rejected
     */
    static void assertConsistent(RunOutput out, String runDate, List<InputRows> inputs, long usedRows)
            throws IOException {
        Map<String, Map<String, String>> assessments = out.assessments();
        List<Map<String, String>> rejected = out.rejected();
        JsonNode manifest = out.manifest();

        // Headers exact, assessments sorted, one row per entry.
        assertThat(RunOutput.crlfLines(out.dir().resolve(RunOutput.ASSESSMENTS)).get(0))
            .isEqualTo(AssessmentCsvWriter.HEADER);
        assertThat(RunOutput.crlfLines(out.dir().resolve(RunOutput.REJECTED)).get(0)).isEqualTo(REJECTED_HEADER);
        assertThat(new ArrayList<>(assessments.keySet())).isSortedAccordingTo(String::compareTo);

        // Nothing is lost: every data row is rejected or belongs to an assessed entry;
        // every rejection is a row.
        Set<String> rejectedRows = new HashSet<>();
        for (Map<String, String> r : rejected) {
            rejectedRows.add(r.get("source_file") + ":" + r.get("line"));
        }
        Set<String> inputRowKeys = new HashSet<>();
        Set<String> entriesInInput = new TreeSet<>();
        long rowsRead = 0;
        for (InputRows file : inputs) {
            for (InputRows.Row row : file.rows()) {
                rowsRead++;
                String key = file.fileName() + ":" + row.line();
                inputRowKeys.add(key);
                row.entryNumber().ifPresent(entriesInInput::add);
                assertThat(rejectedRows.contains(key) || row.entryNumber().isPresent())
                    .as("row %s is used or rejected", key)
                    .isTrue();
            }
        }
        assertThat(inputRowKeys).containsAll(rejectedRows);
        assertThat(assessments.keySet()).containsExactlyElementsOf(entriesInInput);

        // Manifest counts reconcile.
        JsonNode counts = manifest.get("counts");
        assertThat(counts.get("rows_read").asLong()).isEqualTo(rowsRead);
        assertThat(counts.get("rows_rejected").asLong()).isEqualTo(rejectedRows.size());
        assertThat(usedRows + counts.get("rows_rejected").asLong()).as("rows_read = used + rejected")
            .isEqualTo(rowsRead);
        long eligible = assessments.values().stream().filter(a -> a.get("status").equals("ELIGIBLE")).count();
        assertThat(counts.get("entries").asLong()).isEqualTo(assessments.size());
        assertThat(counts.get("eligible").asLong()).isEqualTo(eligible);
        assertThat(counts.get("excluded").asLong()).isEqualTo(assessments.size() - eligible);
        assertThat(manifest.get("job").get("parameters").get("runDate").asString()).isEqualTo(runDate);
        BigDecimal refund = assessments.values()
            .stream()
            .filter(a -> a.get("status").equals("ELIGIBLE"))
            .map(a -> new BigDecimal(a.get("refund_total")))
            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        assertThat(manifest.get("totals").get("refund_total").asString()).isEqualTo(refund.toPlainString());

        // Every output file is listed with its true hash and row count, and nothing else
        // is.
        Map<String, JsonNode> listed = new HashMap<>();
        manifest.get("files").forEach(f -> listed.put(f.get("path").asString(), f));
        List<String> onDisk = new ArrayList<>(out.allFiles());
        onDisk.remove(RunOutput.MANIFEST);
        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(onDisk);
        for (String path : onDisk) {
            Path file = out.dir().resolve(path);
            assertThat(listed.get(path).get("sha256").asString()).as("sha256 of %s", path)
                .isEqualTo(RunOutput.sha256(file));
            if (path.endsWith(".csv")) {
                assertThat(listed.get(path).get("rows").asLong()).as("rows of %s", path)
                    .isEqualTo(RunOutput.crlfLines(file).size() - 1);
            }
        }

        assertEligibleDutyFromRows(inputs, rejectedRows, assessments);
        assertDeclarations(out, runDate, assessments);
    }

    /**
     * No row of an eligible entry is lost or counted twice: its ieepa_duty is the sum of
     * the IEEPA duty (HTS 9903.01/9903.02, duty above 0, SPEC §3) of exactly its input
     * rows that were not rejected. An eligible entry was entered inside the IEEPA window
     * (else NO_IEEPA_DUTY), so the window needs no check here.
     */
    static void assertEligibleDutyFromRows(List<InputRows> inputs, Set<String> rejectedRows,
            Map<String, Map<String, String>> assessments) {
        Map<String, BigDecimal> duty = new HashMap<>();
        for (InputRows file : inputs) {
            for (InputRows.Row row : file.rows()) {
                if (rejectedRows.contains(file.fileName() + ":" + row.line()) || row.entryNumber().isEmpty()) {
                    continue;
                }
                String hts = file.cell(row, "HTS Number - Full").replaceAll("[. ]", "");
                BigDecimal amount = money(file.cell(row, "Line Tariff Duty Amount"));
                if ((hts.startsWith("990301") || hts.startsWith("990302")) && amount.signum() > 0) {
                    duty.merge(row.entryNumber().get(), amount, BigDecimal::add);
                }
            }
        }
        assessments.forEach((entry, a) -> {
            if (a.get("status").equals("ELIGIBLE")) {
                assertThat(new BigDecimal(a.get("ieepa_duty"))).as("ieepa_duty of %s from its rows", entry)
                    .isEqualByComparingTo(duty.getOrDefault(entry, BigDecimal.ZERO));
            }
        });
    }

    private static BigDecimal money(String raw) {
        String s = raw.trim().replace("$", "").replace(",", "");
        if (s.isEmpty() || s.equalsIgnoreCase("FREE")) {
            return BigDecimal.ZERO;
        }
        boolean negative = s.startsWith("(") && s.endsWith(")");
        BigDecimal value = new BigDecimal(negative ? s.substring(1, s.length() - 1) : s);
        return negative ? value.negate() : value;
    }

    /**
     * SPEC §5 declaration files: format, limits, exactly the eligible entries, each once,
     * matching workbooks.
     */
    static void assertDeclarations(RunOutput out, String runDate, Map<String, Map<String, String>> assessments)
            throws IOException {
        Map<String, String> fileOfEntry = new HashMap<>();
        for (Map.Entry<String, List<String>> file : out.declarationCsvs().entrySet()) {
            String name = file.getKey();
            var matcher = DECLARATION_NAME.matcher(name);
            assertThat(matcher.matches()).as("file name %s", name).isTrue();
            assertThat(matcher.group(1)).isEqualTo(runDate.replace("-", ""));
            Path csv = out.declarations().resolve(name);
            byte[] bytes = Files.readAllBytes(csv);
            assertThat(new String(bytes, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII))
                .as("%s is ASCII", name)
                .isEqualTo(bytes);
            List<String> lines = file.getValue();
            assertThat(lines.get(0)).isEqualTo("Entry Number");
            List<String> entries = lines.subList(1, lines.size());
            assertThat(entries).isNotEmpty()
                .hasSizeLessThanOrEqualTo(9999)
                .allMatch(e -> e.matches("[A-Z0-9]{11}"))
                .isSortedAccordingTo(String::compareTo)
                .doesNotHaveDuplicates();
            for (String entry : entries) {
                assertThat(fileOfEntry.put(entry, name)).as("%s in two declarations", entry).isNull();
            }
            Path xlsx = out.declarations().resolve(name.replace(".csv", ".xlsx"));
            assertThat(RunOutput.firstSheetColumnA(xlsx)).as("%s", xlsx.getFileName()).isEqualTo(lines);
        }
        Map<String, String> expected = new HashMap<>();
        assessments.forEach((entry, a) -> {
            if (a.get("status").equals("ELIGIBLE")) {
                expected.put(entry, a.get("declaration"));
            }
            else {
                assertThat(a.get("declaration")).as("declaration of excluded %s", entry).isEmpty();
            }
        });
        assertThat(fileOfEntry).isEqualTo(expected);
    }

}
