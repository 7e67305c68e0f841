package org.factmark.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Says in the OpenAPI document which fields of our records can be null: a record component marked
 * {@link Nullable} may be null (or absent, in a request), every other one is required and never
 * null. The records are the one place where this is decided, so the document cannot drift from them.
 */
@Component
class RecordSchemas implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema != null && raw.isRecord() && raw.getPackageName().startsWith("org.factmark")) {
            Schema<?> model = schema.get$ref() == null ? schema
                    : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            if (model != null && model.getProperties() != null) {
                describe(raw, model);
            }
        }
        return schema;
    }

    private static void describe(Class<?> record, Schema<?> model) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(JsonUnwrapped.class)) {
                describe(component.getType(), model); // its fields are the model's own
                continue;
            }
            Schema<?> property = model.getProperties().get(component.getName());
            if (property == null) {
                continue;
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                model.getProperties().put(component.getName(), nullable(property));
            } else if (model.getRequired() == null || !model.getRequired().contains(component.getName())) {
                model.addRequiredItem(component.getName());
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> nullable(Schema property) {
        if (property.get$ref() != null) {
            return new Schema<>().anyOf(List.of(property, new Schema<>().types(Set.of("null"))));
        }
        Set<String> types = new LinkedHashSet<>(property.getTypes() != null ? property.getTypes()
                : property.getType() != null ? Set.of(property.getType()) : Set.of());
        if (!types.isEmpty() && types.add("null")) {
            property.types(types);
        }
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
