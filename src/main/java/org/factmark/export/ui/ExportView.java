package org.factmark.export.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.Rating;
import org.factmark.common.ui.Formats;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.export.ExportFilter;
import org.factmark.export.ExportService;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * The export view: every format the API has, each with what it is for. The CSV files take the same
 * filters as the API, with a count of the matching claims; the linked-data formats take a document.
 */
@Route("export")
@PageTitle("Export · Factmark")
@Menu(title = "Export", order = 6)
@PermitAll
class ExportView extends VerticalLayout {

    static final String END_BEFORE_START = "The end date lies before the start date.";

    final MultiSelectComboBox<ClaimStatus> statuses = new MultiSelectComboBox<>("Status (none: all)");
    final ComboBox<ClaimType> type = new ComboBox<>("Type");
    final ComboBox<Rating> rating = new ComboBox<>("Rating");
    final ComboBox<String> outlet = new ComboBox<>("Outlet");
    final DatePicker verifiedFrom = new DatePicker("Verified from");
    final DatePicker verifiedTo = new DatePicker("Verified until");
    final Checkbox forExcel = new Checkbox("For Excel (adds a byte-order mark)");
    final Paragraph count = new Paragraph();
    final ComboBox<Document> document = new ComboBox<>("Document");
    private final Anchor claimsCsv;
    private final Anchor linksCsv;
    private final Anchor annotations;
    private final ExportService exports;
    /** Read by the download requests, which do not run under the UI's lock. */
    private volatile ExportFilter filter = ExportFilter.verified();
    private volatile boolean byteOrderMark;
    private volatile Long documentId;

    ExportView(ExportService exports, ClaimTypeService types, DocumentService documents, ObjectMapper json) {
        this.exports = exports;
        statuses.setItems(ClaimStatus.values());
        statuses.setItemLabelGenerator(Formats::words);
        statuses.setValue(ClaimStatus.VERIFIED);
        type.setItems(types.all());
        type.setItemLabelGenerator(ClaimType::name);
        rating.setItems(Rating.values());
        rating.setItemLabelGenerator(Rating::words);
        outlet.setItems(documents.outlets());
        document.setItems(query -> documents.search(query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        document.setItemLabelGenerator(Document::title);
        document.setPlaceholder("All documents");
        document.setHelperText("ClaimReview: this document's verified claims, or all; Web Annotation: needs one");
        document.setWidth("min(28rem, 100%)");
        for (var clearable : new ComboBox<?>[] {type, rating, outlet, document}) {
            clearable.setClearButtonVisible(true);
        }
        statuses.addValueChangeListener(change -> update());
        type.addValueChangeListener(change -> update());
        rating.addValueChangeListener(change -> update());
        outlet.addValueChangeListener(change -> update());
        verifiedFrom.addValueChangeListener(change -> update());
        verifiedTo.addValueChangeListener(change -> update());
        forExcel.addValueChangeListener(change -> byteOrderMark = change.getValue());

        claimsCsv = new Anchor(csv("factmark-claims.csv", exports::writeClaims), "Claims (CSV)");
        linksCsv = new Anchor(csv("factmark-claim-sources.csv", exports::writeClaimSources),
                "Claim–source links (CSV)");
        var claimReviews = new Anchor(jsonLd("factmark-claimreview.json",
                event -> json.writeValueAsString(exports.claimReviews(documentId))), "schema.org ClaimReview (JSON-LD)");
        // The address the browser used, so that the annotations' IRIs point back at this installation.
        annotations = new Anchor(jsonLd("factmark-annotations.json", event -> json.writeValueAsString(
                exports.annotations(documentId, ServletUriComponentsBuilder.fromContextPath(
                        ((VaadinServletRequest) event.getRequest()).getHttpServletRequest()).build().toUriString()))),
                "W3C Web Annotation (JSON-LD)");
        document.addValueChangeListener(change -> {
            documentId = change.getValue() == null ? null : change.getValue().id();
            annotations.setEnabled(documentId != null);
        });
        annotations.setEnabled(false);

        add(new H2("Export"),
                new H3("Spreadsheets"),
                new FormLayout(statuses, type, rating, outlet, verifiedFrom, verifiedTo), forExcel, count,
                format(claimsCsv, "One row per claim with its verdict, for a spreadsheet or your own analysis."),
                format(linksCsv, "One row per source that a claim cites, with its stance, under the same filters."),
                new H3("Linked data"), document,
                format(claimReviews, "Verified claims with their ratings in the format that search engines and "
                        + "fact-check aggregators read; only verified claims, whatever the filters above say."),
                format(annotations, "One document's claims as annotations anchored in its text, for annotation "
                        + "tools that read the W3C standard; choose the document first."));
        update();
    }

    private static Component format(Anchor download, String purpose) {
        var line = new Paragraph(purpose);
        line.addClassName("export-purpose");
        var entry = new Div(download, line);
        entry.addClassName("export-format");
        return entry;
    }

    private void update() {
        // Told at the field in the user's words; the service would refuse the same filter.
        boolean datesInOrder = verifiedFrom.getValue() == null || verifiedTo.getValue() == null
                || !verifiedTo.getValue().isBefore(verifiedFrom.getValue());
        verifiedTo.setErrorMessage(datesInOrder ? null : END_BEFORE_START);
        verifiedTo.setInvalid(!datesInOrder);
        claimsCsv.setEnabled(datesInOrder);
        linksCsv.setEnabled(datesInOrder);
        if (!datesInOrder) {
            count.setText("Correct the dates to see which claims match.");
            return;
        }
        filter = new ExportFilter(statuses.getValue(), null, type.getValue() == null ? null : type.getValue().code(),
                rating.getValue(), verifiedFrom.getValue(), verifiedTo.getValue(), outlet.getValue());
        long matching = exports.count(filter);
        count.setText(matching == 1 ? "1 claim matches." : matching + " claims match.");
    }

    private DownloadHandler csv(String fileName, BiConsumer<ExportFilter, Writer> write) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=utf-8");
            try (Writer out = writer(event)) {
                if (byteOrderMark) {
                    out.write('\uFEFF');
                }
                write.accept(filter, out);
            }
        };
    }

    private static DownloadHandler jsonLd(String fileName, Function<DownloadEvent, String> body) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType("application/ld+json; charset=utf-8");
            try (Writer out = writer(event)) {
                out.write(body.apply(event));
            }
        };
    }

    private static Writer writer(DownloadEvent event) {
        return new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
    }
}
