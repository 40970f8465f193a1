package org.capebatch.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.capebatch.entry.EntryNumber;
import org.capebatch.entry.ImporterType;
import org.capebatch.rules.Assessment;
import org.capebatch.rules.AssessmentStatus;
import org.capebatch.rules.Reason;
import org.capebatch.rules.Remedy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeclarationSplitterTest {

    private static final LocalDate D = LocalDate.of(2026, 5, 1);

    @ParameterizedTest
    @CsvSource({ "9998,  9998", "9999,  9999", "10000, 9999:1", "19998, 9999:9999", "19999, 9999:9999:1", })
    void plan_WhenEntriesAroundCbpLimit_ThenFilesOfAtMost9999(int entries, String sizes) {
        List<Assessment> eligible = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            eligible.add(eligible(number("ABC", i), "12-3456789AB"));
        }

        List<Declaration> plan = DeclarationSplitter.plan(eligible, GroupBy.IMPORTER, 9999, D);

        assertThat(plan).extracting(d -> d.entries().size())
            .containsExactlyElementsOf(Arrays.stream(sizes.split(":")).map(Integer::valueOf).toList());
        for (int i = 0; i < plan.size(); i++) {
            Declaration declaration = plan.get(i);
            assertThat(declaration.sequence()).isEqualTo(i + 1);
            assertThat(declaration.fileStem()).isEqualTo(String.format("CAPE_123456789AB_20260501_%03d", i + 1));
            assertThat(declaration.entries()).isSorted().doesNotHaveDuplicates();
        }
        assertThat(plan.stream().flatMap(d -> d.entries().stream()).distinct().count()).isEqualTo(entries);
    }

    @Test
    void plan_WhenShuffledInputAndSeveralImporters_ThenGroupedSortedAndExcludedLeftOut() {
        List<Assessment> assessments = new ArrayList<>(
                List.of(eligible("ABC00000035", "22-2222222AA"), eligible("ABC00000019", "11-1111111AA"),
                        eligible("XYZ00000011", "11-1111111AA"), excluded("ABC00000027", "11-1111111AA"),
                        eligible("ABC00000043", "123-45-6789"), eligible("ABC00000001", "11-1111111AA")));
        Collections.shuffle(assessments, new Random(7));

        List<Declaration> plan = DeclarationSplitter.plan(assessments, GroupBy.IMPORTER, 2, D);

        String ssnKey = DeclarationGroups.groupKey(GroupBy.IMPORTER, "123-45-6789", null);
        assertThat(plan).containsExactly(
                new Declaration("CAPE_111111111AA_20260501_001", "111111111AA", 1,
                        List.of(new EntryNumber("ABC00000001"), new EntryNumber("ABC00000019"))),
                new Declaration("CAPE_111111111AA_20260501_002", "111111111AA", 2,
                        List.of(new EntryNumber("XYZ00000011"))),
                new Declaration("CAPE_222222222AA_20260501_001", "222222222AA", 1,
                        List.of(new EntryNumber("ABC00000035"))),
                new Declaration("CAPE_" + ssnKey + "_20260501_001", ssnKey, 1,
                        List.of(new EntryNumber("ABC00000043"))));
    }

    @Test
    void plan_WhenGroupByFilerCodeOrNone_ThenKeysFollow() {
        List<Assessment> assessments = List.of(eligible("XYZ00000011", "11-1111111AA"),
                eligible("ABC00000019", "22-2222222AA"), eligible("ABC00000001", "11-1111111AA"));

        assertThat(DeclarationSplitter.plan(assessments, GroupBy.FILER_CODE, 9999, D))
            .extracting(Declaration::fileStem, d -> d.entries().size())
            .containsExactly(tuple("CAPE_ABC_20260501_001", 2), tuple("CAPE_XYZ_20260501_001", 1));
        assertThat(DeclarationSplitter.plan(assessments, GroupBy.NONE, 9999, D))
            .extracting(Declaration::fileStem, Declaration::entries)
            .containsExactly(tuple("CAPE_ALL_20260501_001", List.of(new EntryNumber("ABC00000001"),
                    new EntryNumber("ABC00000019"), new EntryNumber("XYZ00000011"))));
    }

    @Test
    void plan_WhenNothingEligible_ThenNoDeclarations() {
        assertThat(DeclarationSplitter.plan(List.of(excluded("ABC00000027", "1")), GroupBy.IMPORTER, 9999, D))
            .isEmpty();
    }

    @Test
    void assign_WhenStreaming_ThenNewSequenceEveryMaxAndPerGroup() {
        DeclarationSplitter splitter = new DeclarationSplitter(3, D);
        List<String> stems = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stems.add(splitter.assign("A1", number("ABC", i)));
        }
        stems.add(splitter.assign("B2", number("ABC", 0)));

        assertThat(stems).containsExactly("CAPE_A1_20260501_001", "CAPE_A1_20260501_001", "CAPE_A1_20260501_001",
                "CAPE_A1_20260501_002", "CAPE_A1_20260501_002", "CAPE_A1_20260501_002", "CAPE_A1_20260501_003",
                "CAPE_B2_20260501_001");
    }

    @Test
    void assign_WhenGroupGoesBackwards_ThenRefused() {
        DeclarationSplitter splitter = new DeclarationSplitter(9999, D);
        splitter.assign("B", number("ABC", 1));

        assertThatThrownBy(() -> splitter.assign("A", number("ABC", 2))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("sorted by group key");
    }

    @Test
    void assign_WhenEntryGoesBackwardsOrRepeats_ThenRefused() {
        DeclarationSplitter splitter = new DeclarationSplitter(9999, D);
        splitter.assign("A", number("ABC", 5));

        assertThatThrownBy(() -> splitter.assign("A", number("ABC", 4))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("sorted by entry number");
        assertThatThrownBy(() -> splitter.assign("A", number("ABC", 5))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("without duplicates");
    }

    @Test
    void splitter_WhenMaxBelowOne_ThenRefused() {
        assertThatThrownBy(() -> new DeclarationSplitter(0, D)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Entry numbers in ascending order for ascending {@code i}; the record does not check
     * the check digit.
     */
    private static EntryNumber number(String filer, int i) {
        return new EntryNumber(String.format("%s%08d", filer, i));
    }

    private static Assessment eligible(EntryNumber number, String importer) {
        return eligible(number.value(), importer);
    }

    private static Assessment eligible(String number, String importer) {
        return new Assessment(number, importer, "01", AssessmentStatus.ELIGIBLE, null, List.of(), Remedy.FILE_CAPE,
                null, false, false, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.valueOf(11), ImporterType.CORPORATE,
                false);
    }

    private static Assessment excluded(String number, String importer) {
        return new Assessment(number, importer, "01", AssessmentStatus.EXCLUDED, Reason.SURETY_PAID,
                List.of(Reason.SURETY_PAID), Remedy.NONE, null, false, false, BigDecimal.TEN, BigDecimal.ZERO,
                BigDecimal.ZERO, ImporterType.CORPORATE, false);
    }

}
