package org.factmark.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AgreementStatisticsTest {

    @Test
    void cohens_kappa_matches_the_textbook_example_of_fifty_grant_proposals() {
        // Two readers, yes/no: 20 both yes, 15 both no, 5 and 10 split (Cohen 1960, as on Wikipedia):
        // p_o = 0.7, p_e = 0.5, kappa = 0.4.
        long[][] table = {{20, 5}, {10, 15}};

        assertThat(AgreementStatistics.cohensKappa(table)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void cohens_kappa_is_one_for_perfect_agreement_and_negative_below_chance() {
        assertThat(AgreementStatistics.cohensKappa(new long[][] {{7, 0}, {0, 3}})).isCloseTo(1.0, within(1e-9));
        assertThat(AgreementStatistics.cohensKappa(new long[][] {{0, 5}, {5, 0}})).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void cohens_kappa_is_undefined_when_both_raters_always_chose_the_same_category() {
        assertThat(AgreementStatistics.cohensKappa(new long[][] {{9, 0}, {0, 0}})).isNaN();
        assertThat(AgreementStatistics.cohensKappa(new long[][] {{0}})).isNaN();
    }

    @Test
    void krippendorffs_alpha_matches_krippendorffs_own_example_with_missing_values() {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability", section C: four observers,
        // twelve units, nominal alpha = 0.743.
        String[][] observers = {
                {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
                {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
                {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
                {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null}};
        List<List<String>> units = new ArrayList<>();
        for (int unit = 0; unit < 12; unit++) {
            int column = unit;
            units.add(Arrays.stream(observers).map(row -> row[column]).filter(Objects::nonNull).toList());
        }

        assertThat(alphaOf(units)).isCloseTo(0.743, within(0.0005));
    }

    @Test
    void krippendorffs_alpha_of_two_coders_matches_a_hand_computed_coincidence_matrix() {
        // Units (a,a), (a,b), (b,b), (b,b): o_aa = 2, o_ab = o_ba = 1, o_bb = 4; n_a = 3, n_b = 5, n = 8;
        // alpha = 1 - (n - 1) * (o_ab + o_ba) / (2 * n_a * n_b) = 1 - 7 * 2 / 30 = 8/15.
        var units = List.of(List.of("a", "a"), List.of("a", "b"), List.of("b", "b"), List.of("b", "b"));

        assertThat(alphaOf(units)).isCloseTo(8.0 / 15, within(1e-9));
        // Cohen's kappa of the same two coders: p_o = 3/4, p_e = 1/2, kappa = 1/2.
        assertThat(AgreementStatistics.cohensKappa(new long[][] {{1, 1}, {0, 2}})).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void krippendorffs_alpha_is_undefined_without_pairable_values_or_variation() {
        assertThat(alphaOf(List.of(List.of("a"), List.of("b")))).isNaN();
        assertThat(alphaOf(List.of(List.of("a", "a"), List.of("a", "a")))).isNaN();
    }

    /** Alpha of the units as listed (a unit per list of the values its coders gave). */
    private static double alphaOf(List<List<String>> units) {
        return AgreementStatistics.krippendorffAlpha(
                units.stream().collect(Collectors.groupingBy(unit -> unit, Collectors.counting())));
    }
}
