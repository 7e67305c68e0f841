package org.factmark.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Inter-rater agreement for nominal categories (claim types). */
public final class AgreementStatistics {

    private AgreementStatistics() {
    }

    /**
     * Cohen's kappa of two raters from their contingency table: {@code table[i][j]} counts the items
     * the first rater put in category i and the second in category j. NaN when chance agreement is
     * already perfect (both raters used one and the same category throughout) or there are no items.
     */
    public static double cohensKappa(long[][] table) {
        int categories = table.length;
        double total = 0;
        double agreed = 0;
        double[] rows = new double[categories];
        double[] columns = new double[categories];
        for (int i = 0; i < categories; i++) {
            for (int j = 0; j < categories; j++) {
                total += table[i][j];
                rows[i] += table[i][j];
                columns[j] += table[i][j];
            }
            agreed += table[i][i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        double observed = agreed / total;
        double expected = 0;
        for (int i = 0; i < categories; i++) {
            expected += (rows[i] / total) * (columns[i] / total);
        }
        return expected == 1 ? Double.NaN : (observed - expected) / (1 - expected);
    }

    /**
     * Krippendorff's alpha for nominal data, from how many units there are with each list of values
     * (the values a unit's coders gave, missing values left out). Units with fewer than two values
     * cannot be paired and are skipped. NaN when there is nothing to compare or all values are the same.
     */
    public static double krippendorffAlpha(Map<List<String>, Long> unitCounts) {
        // The coincidence matrix: every ordered pair of values within a unit, weighted 1 / (m - 1).
        Map<String, Map<String, Double>> coincidences = new HashMap<>();
        unitCounts.forEach((unit, count) -> {
            int m = unit.size();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        coincidences.computeIfAbsent(unit.get(i), value -> new HashMap<>())
                                .merge(unit.get(j), (double) count / (m - 1), Double::sum);
                    }
                }
            }
        });
        Map<String, Double> marginals = new HashMap<>();
        double disagreeing = 0;
        coincidences.forEach((value, row) -> row.forEach((other, weight) -> {
            marginals.merge(value, weight, Double::sum);
        }));
        for (var row : coincidences.entrySet()) {
            for (var cell : row.getValue().entrySet()) {
                if (!cell.getKey().equals(row.getKey())) {
                    disagreeing += cell.getValue();
                }
            }
        }
        double n = marginals.values().stream().mapToDouble(Double::doubleValue).sum();
        double expectedDisagreeing = 0;
        for (var a : marginals.entrySet()) {
            for (var b : marginals.entrySet()) {
                if (!a.getKey().equals(b.getKey())) {
                    expectedDisagreeing += a.getValue() * b.getValue();
                }
            }
        }
        if (n < 2 || expectedDisagreeing == 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * disagreeing / expectedDisagreeing;
    }
}
