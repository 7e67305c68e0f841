package org.factmark.claim;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.factmark.claim.internal.ClaimTypeRepository;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.common.TextLimit;
import org.factmark.common.StaleVersionException;
import org.factmark.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The claim-type taxonomy: everyone reads it, admins edit it. */
@Service
public class ClaimTypeService {

    /** A type's code (checked against {@link #CODE}), name and description, as forms limit them. */
    public static final TextLimit CODE_FIELD = new TextLimit("The code", 32);
    public static final TextLimit NAME = new TextLimit("A type's name", 60);
    public static final TextLimit DESCRIPTION = new TextLimit("The description", 500);
    /** How messages name a claim's type and a type's colour. */
    public static final String TYPE = "The type";
    public static final String COLOUR_FIELD = "The colour";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{1," + (CODE_FIELD.maxLength() - 1) + "}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");

    private final ClaimTypeRepository types;

    ClaimTypeService(ClaimTypeRepository types) {
        this.types = types;
    }

    /** All types, retired ones included (existing claims may still carry them), in display order. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<ClaimType> all() {
        return types.findAll();
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public ClaimType create(String code, String name, String colour, String description) {
        String checkedCode = code == null ? "" : code.strip();
        if (!CODE.matcher(checkedCode).matches()) {
            throw new InvalidInputException("A type code has 2 to 32 characters: lower-case letters, digits, "
                    + "dashes or underscores, starting with a letter.").at(CODE_FIELD.fieldName());
        }
        if (types.findByCode(checkedCode).isPresent()) {
            throw new InvalidInputException("There is already a claim type \"" + checkedCode + "\".").at(CODE_FIELD.fieldName());
        }
        types.insert(new ClaimType(checkedCode, requireName(name), requireColour(colour), describe(description), true,
                0, 1));
        return types.findByCode(checkedCode).orElseThrow();
    }

    /** Renames, recolours, describes, retires or reactivates a type. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public ClaimType update(String code, int version, String name, String colour, String description,
            boolean active) {
        require(code);
        if (!types.update(code, version, requireName(name), requireColour(colour), describe(description), active)) {
            throw new StaleVersionException("Someone changed the claim type \"" + code
                    + "\" meanwhile; reload it and try again.");
        }
        return types.findByCode(code).orElseThrow();
    }

    /** Deletes a type that no claim has ever used; a type in use can only be retired. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public void delete(String code) {
        require(code);
        if (types.isInUse(code)) {
            throw new ConflictException("Claims use the type \"" + code + "\", so it cannot be deleted; "
                    + "retire it instead.");
        }
        types.delete(code);
    }

    /** The type, for a new claim or a change of type: it must exist and not be retired. */
    ClaimType requireUsable(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("A claim needs a type.").at(TYPE);
        }
        ClaimType type = types.findByCode(code.strip()).orElseThrow(() -> new InvalidInputException(
                "Unknown claim type \"" + code + "\"; GET /api/claim-types lists them.").at(TYPE));
        if (!type.active()) {
            throw new InvalidInputException("The claim type \"" + code + "\" is retired; choose another.").at(TYPE);
        }
        return type;
    }

    private ClaimType require(String code) {
        return types.findByCode(code).orElseThrow(() -> new NotFoundException("There is no claim type \""
                + code + "\"."));
    }

    private static String requireName(String name) {
        String checked = NAME.check(name);
        if (checked == null) {
            throw new InvalidInputException("A type needs a name of 1 to 60 characters.").at(NAME.fieldName());
        }
        return checked;
    }

    private static String requireColour(String colour) {
        String lower = colour == null ? "" : colour.strip().toLowerCase(Locale.ROOT);
        if (!COLOUR.matcher(lower).matches()) {
            throw new InvalidInputException("A colour is written #rrggbb, for example #1c7ed6.").at(COLOUR_FIELD);
        }
        return lower;
    }

    private static String describe(String description) {
        String checked = DESCRIPTION.check(description);
        return checked == null ? "" : checked;
    }
}
