package org.factmark.dashboard.ui;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** ECharts options for the few kinds of chart the dashboards draw; labels reach the chart as data, not markup. */
final class ChartOptions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChartOptions() {
    }

    /** One line per series over the categories (days), with a legend and a tooltip per point. */
    static ObjectNode lines(List<String> categories, Map<String, List<Long>> series) {
        ObjectNode option = base(categories);
        // A day's label is centred under its day and so juts out beside the first and last: room for
        // half a label on both sides, and below the value axis' "0".
        ((ObjectNode) option.get("grid")).put("left", 40).put("right", 40);
        ((ObjectNode) option.get("xAxis").get(0)).putObject("axisLabel").put("margin", 14);
        option.putObject("legend").put("top", 0);
        option.putObject("tooltip").put("trigger", "axis");
        ArrayNode list = option.putArray("series");
        series.forEach((name, values) -> {
            ObjectNode line = list.addObject().put("name", name).put("type", "line").put("showSymbol", categories.size() <= 62)
                    .put("symbolSize", 6).put("triggerLineEvent", true);
            ArrayNode data = line.putArray("data");
            values.forEach(data::add);
        });
        return option;
    }

    /** Bars, one per category, each in its colour when given (a claim type's, say). */
    static ObjectNode bars(List<String> categories, List<Long> values, List<String> colours, boolean horizontal) {
        ObjectNode option = JSON.createObjectNode();
        ObjectNode categoryAxis = JSON.createObjectNode().put("type", "category");
        ArrayNode labels = categoryAxis.putArray("data");
        categories.forEach(labels::add);
        categoryAxis.putObject("axisLabel").put("interval", 0).put("width", 140).put("overflow", "truncate");
        ObjectNode valueAxis = JSON.createObjectNode().put("type", "value").put("minInterval", 1);
        if (horizontal) {
            categoryAxis.put("inverse", true);
            option.putArray("yAxis").add(categoryAxis);
            option.putArray("xAxis").add(valueAxis);
            option.putObject("grid").put("left", 8).put("right", 24).put("top", 8).put("bottom", 8).put("containLabel", true);
        } else {
            option.putArray("xAxis").add(categoryAxis);
            option.putArray("yAxis").add(valueAxis);
            option.putObject("grid").put("left", 8).put("right", 8).put("top", 16).put("bottom", 8).put("containLabel", true);
        }
        ObjectNode bar = option.putArray("series").addObject().put("type", "bar").put("name", "claims");
        ArrayNode data = bar.putArray("data");
        for (int i = 0; i < values.size(); i++) {
            ObjectNode item = data.addObject().put("value", values.get(i));
            if (colours != null && colours.get(i) != null) {
                item.putObject("itemStyle").put("color", colours.get(i));
            }
        }
        return option;
    }

    /** Stacked bars: for each category, one segment per series (verified and rejected, say). */
    static ObjectNode stacked(List<String> categories, Map<String, List<Long>> series, Map<String, String> colours) {
        ObjectNode option = base(categories);
        option.putObject("legend").put("top", 0);
        ArrayNode list = option.putArray("series");
        series.forEach((name, values) -> {
            ObjectNode bar = list.addObject().put("name", name).put("type", "bar").put("stack", "all");
            if (colours.containsKey(name)) {
                bar.putObject("itemStyle").put("color", colours.get(name));
            }
            ArrayNode data = bar.putArray("data");
            values.forEach(data::add);
        });
        return option;
    }

    private static ObjectNode base(List<String> categories) {
        ObjectNode option = JSON.createObjectNode();
        ObjectNode x = option.putArray("xAxis").addObject().put("type", "category");
        ArrayNode labels = x.putArray("data");
        categories.forEach(labels::add);
        option.putArray("yAxis").addObject().put("type", "value").put("minInterval", 1);
        option.putObject("grid").put("left", 8).put("right", 16).put("top", 36).put("bottom", 8).put("containLabel", true);
        return option;
    }
}
