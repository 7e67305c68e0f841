package org.factmark.common.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import java.util.LinkedHashMap;
import java.util.Map;
import org.factmark.common.InvalidInputException;
import org.factmark.common.TextLimit;

/**
 * A form's fields by the names the services give them in refusals ({@link InvalidInputException#field()}):
 * a refusal is shown at its field, as the field's error, rather than in a notification over the form.
 * The service stays the only judge; the form only says where.
 */
public final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /** Shows refusals about {@code fieldName} at {@code field}, until the reviewer changes it. */
    public <F extends Component & HasValidation> F at(String fieldName, F field) {
        // The component's own checks would clear the service's message as soon as the field loses focus.
        field.setManualValidation(true);
        fields.put(fieldName, field);
        if (field instanceof HasValue<?, ?> value) {
            value.addValueChangeListener(change -> field.setInvalid(false));
        }
        return field;
    }

    /** As {@link #at}, and the field takes no more than the service accepts, with a counter near the limit. */
    public <F extends Component & HasValidation> F limited(TextLimit limit, F field) {
        TextLimits.apply(field, limit.maxLength());
        return at(limit.fieldName(), field);
    }

    /**
     * Runs {@code action}; a refusal about one of the fields appears at that field, which takes the
     * focus. Any other error goes on to the error handler, which shows it as a notification.
     */
    public void run(Runnable action) {
        fields.values().forEach(field -> field.setInvalid(false));
        try {
            action.run();
        } catch (InvalidInputException refusal) {
            HasValidation field = refusal.field().map(fields::get).orElseThrow(() -> refusal);
            field.setErrorMessage(refusal.getMessage());
            field.setInvalid(true);
            if (field instanceof Focusable<?> focusable) {
                focusable.focus();
            }
        }
    }
}
