package org.factmark.claim.ui;

import com.vaadin.flow.component.Component;
import java.util.function.Consumer;
import org.factmark.claim.Claim;

/**
 * A part of the claim panel that another feature contributes (sources, verdict, comments, history),
 * so that the workspace shows them without depending on those features.
 */
public interface ClaimPanelSection {

    /** The section for {@code claim}; after a change, call {@code changed} with the claim as it is now. */
    Component render(Claim claim, Consumer<Claim> changed);
}
