package org.factmark.export.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import org.factmark.IntegrationTest;
import org.factmark.claim.ClaimStatus;
import org.factmark.export.ExportFilter;
import org.factmark.export.ExportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("editor")
class ExportViewIT extends SpringBrowserlessTest {

    @Autowired
    ExportService exports;

    @Test
    void the_view_counts_the_claims_its_filters_select() {
        ExportView view = navigate(ExportView.class);
        long verified = exports.count(ExportFilter.verified());
        assertThat(view.count.getText()).startsWith(verified + " claim");

        // Adding the claims in review to the verified ones: the demo data always has some in review.
        view.statuses.setValue(Set.of(ClaimStatus.VERIFIED, ClaimStatus.IN_REVIEW));

        long both = exports.count(new ExportFilter(Set.of(ClaimStatus.VERIFIED, ClaimStatus.IN_REVIEW), null, null,
                null, null, null, null));
        assertThat(both).isGreaterThan(verified);
        assertThat(view.count.getText()).startsWith(both + " claim");
    }
}
