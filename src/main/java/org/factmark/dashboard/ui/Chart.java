package org.factmark.dashboard.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Apache ECharts chart, drawn by our static {@code <fm-chart>} element (docs/decisions/0008).
 * The server sends the chart's option as JSON; the browser reports clicks on bars and points.
 */
@Tag("fm-chart")
final class Chart extends Component implements HasSize {

    static final String MODULE = "/charts/fm-chart.js";
    /** ECharts' self-contained script, at the version the build packaged (read from the webjar). */
    static final String LIBRARY = "/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";

    Chart(String description) {
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", description);
        getElement().setProperty("library", LIBRARY);
        setWidthFull();
        setHeight("18rem");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        attachEvent.getUI().getPage().addJsModule(MODULE);
    }

    void show(ObjectNode option) {
        getElement().setProperty("option", option.toString());
    }

    Registration addChartClickListener(ComponentEventListener<ClickEvent> listener) {
        return addListener(ClickEvent.class, listener);
    }

    /** A click on a bar, point or slice: the name of its series and the index of its data item. */
    @DomEvent("fm-chart-click")
    public static class ClickEvent extends ComponentEvent<Chart> {
        final String series;
        final int index;

        public ClickEvent(Chart source, boolean fromClient, @EventData("event.detail.series") String series,
                @EventData("event.detail.index") int index) {
            super(source, fromClient);
            this.series = series;
            this.index = index;
        }
    }

    private static String echartsVersion() {
        try (InputStream in = Chart.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The ECharts webjar is missing from the classpath");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
