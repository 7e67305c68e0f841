package org.factmark.dashboard.ui;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;

/** The claim types by code, so that the dashboards name a type as people see it, never by its code. */
final class TypeNames {

    private final Map<String, ClaimType> byCode;

    TypeNames(ClaimTypeService claimTypes) {
        byCode = claimTypes.all().stream().collect(Collectors.toMap(ClaimType::code, Function.identity()));
    }

    /** The type's name; the code only for a type that is not in the list (there is nothing else to call it). */
    String name(String code) {
        return byCode.containsKey(code) ? byCode.get(code).name() : code;
    }

    /** The type's colour, or null for a type that is not in the list. */
    String colour(String code) {
        return byCode.containsKey(code) ? byCode.get(code).colour() : null;
    }
}
