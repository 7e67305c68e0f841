package org.factmark.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.ComponentUtil;
import org.factmark.IntegrationTest;
import org.factmark.dashboard.DashboardService;
import org.factmark.dashboard.TeamFigures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
class DashboardViewsIT extends SpringBrowserlessTest {

    @Autowired
    DashboardService dashboards;

    @Test
    @WithUserDetails("alice")
    void a_reviewer_sees_their_own_record_and_cannot_pick_anyone_else() {
        ReviewerDashboardView view = navigate(ReviewerDashboardView.class);

        assertThat(view.reviewer.getValue()).isEqualTo("alice");
        assertThat(view.reviewer.isVisible()).isFalse();
        assertThat(view.headline.getChildren()).isNotEmpty();
    }

    @Test
    @WithUserDetails("alice")
    void a_reviewer_cannot_open_the_team_dashboard() {
        try {
            navigate(TeamDashboardView.class);
        } catch (IllegalArgumentException expected) {
            // navigation ended somewhere else, as it should
        }

        assertThat(getCurrentView()).isNotInstanceOf(TeamDashboardView.class);
    }

    @Test
    @WithUserDetails("editor")
    void an_editor_sees_the_teams_figures_and_may_look_at_any_reviewers_record() {
        TeamDashboardView team = navigate(TeamDashboardView.class);
        team.from.clear();

        long created = TeamFigures.DayCounts.sum(dashboards.team(team.filter()).throughput()).created();
        assertThat(team.headline.getChildren()).hasSize(8);
        assertThat(team.headline.getChildren().findFirst().orElseThrow().getElement().getTextRecursively())
                .isEqualTo(created + "created");
        assertThat(team.byType.numbers.getListDataView().getItemCount()).isPositive();

        ReviewerDashboardView record = navigate(ReviewerDashboardView.class);
        assertThat(record.reviewer.isVisible()).isTrue();
        record.reviewer.setValue("alice");
        record.from.clear();
        assertThat(record.days()).isNotEmpty();
    }

    @Test
    @WithUserDetails("editor")
    void clicking_a_bar_opens_the_list_of_claims_behind_it() {
        TeamDashboardView team = navigate(TeamDashboardView.class);
        team.from.clear();

        ComponentUtil.fireEvent(team.byType.chart, new Chart.ClickEvent(team.byType.chart, true, "claims", 0));

        ClaimsBehindDialog claims = find(ClaimsBehindDialog.class).single();
        assertThat(claims.grid.getListDataView().getItemCount()).isPositive();
        assertThat(claims.grid.getListDataView().getItems().map(claim -> claim.type()).distinct()).hasSize(1);
    }
}
