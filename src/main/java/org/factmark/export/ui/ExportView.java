package org.factmark.export.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.Rating;
import org.factmark.document.DocumentService;
import org.factmark.export.ExportFilter;
import org.factmark.export.ExportService;

/** The export view: the same filters as the API, a count of the matching claims, and downloads. */
@Route("export")
@PageTitle("Export · Factmark")
@Menu(title = "Export", order = 6)
@PermitAll
class ExportView extends VerticalLayout {

    final MultiSelectComboBox<ClaimStatus> statuses = new MultiSelectComboBox<>("Status (none: all)");
    final ComboBox<ClaimType> type = new ComboBox<>("Type");
    final ComboBox<Rating> rating = new ComboBox<>("Rating");
    final ComboBox<String> outlet = new ComboBox<>("Outlet");
    final DatePicker verifiedFrom = new DatePicker("Verified from");
    final DatePicker verifiedTo = new DatePicker("Verified until");
    final Checkbox forExcel = new Checkbox("For Excel (adds a byte-order mark)");
    final Paragraph count = new Paragraph();
    private final ExportService exports;
    /** Read by the download requests, which do not run under the UI's lock. */
    private volatile ExportFilter filter = ExportFilter.verified();
    private volatile boolean byteOrderMark;

    ExportView(ExportService exports, ClaimTypeService types, DocumentService documents) {
        this.exports = exports;
        statuses.setItems(ClaimStatus.values());
        statuses.setValue(ClaimStatus.VERIFIED);
        type.setItems(types.all());
        type.setItemLabelGenerator(ClaimType::name);
        rating.setItems(Rating.values());
        rating.setItemLabelGenerator(Rating::words);
        outlet.setItems(documents.outlets());
        for (var clearable : new ComboBox<?>[] {type, rating, outlet}) {
            clearable.setClearButtonVisible(true);
        }
        statuses.addValueChangeListener(change -> update());
        type.addValueChangeListener(change -> update());
        rating.addValueChangeListener(change -> update());
        outlet.addValueChangeListener(change -> update());
        verifiedFrom.addValueChangeListener(change -> update());
        verifiedTo.addValueChangeListener(change -> update());
        forExcel.addValueChangeListener(change -> byteOrderMark = change.getValue());

        var claims = new Anchor(download("factmark-claims.csv", exports::writeClaims), "Download claims (CSV)");
        var links = new Anchor(download("factmark-claim-sources.csv", exports::writeClaimSources),
                "Download claim–source links (CSV)");
        add(new H2("Export"), new FormLayout(statuses, type, rating, outlet, verifiedFrom, verifiedTo), forExcel,
                count, new HorizontalLayout(claims, links));
        update();
    }

    private void update() {
        filter = new ExportFilter(statuses.getValue(), null, type.getValue() == null ? null : type.getValue().code(),
                rating.getValue(), verifiedFrom.getValue(), verifiedTo.getValue(), outlet.getValue());
        long matching = exports.count(filter);
        count.setText(matching == 1 ? "1 claim matches." : matching + " claims match.");
    }

    private DownloadHandler download(String fileName, BiConsumer<ExportFilter, Writer> write) {
        return event -> {
            event.setFileName(fileName);
            event.setContentType("text/csv; charset=utf-8");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(),
                    StandardCharsets.UTF_8), 64 * 1024)) {
                if (byteOrderMark) {
                    out.write('\uFEFF');
                }
                write.accept(filter, out);
            }
        };
    }
}
