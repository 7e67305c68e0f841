package org.factmark.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.factmark.common.ConflictException;
import org.factmark.common.InputTooLargeException;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotAllowedException;
import org.factmark.common.NotFoundException;
import org.factmark.common.StaleVersionException;
import org.factmark.common.db.DatabaseUnavailable;
import org.factmark.review.IncompleteVerdictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every API error is an RFC 9457 problem detail whose {@code detail} tells the caller what to fix.
 * Global on purpose: errors raised before a controller is chosen (405, 406, 415) need it too; the
 * Vaadin UI is not a Spring MVC controller, so nothing else is affected.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InputTooLargeException.class)
    ProblemDetail tooLarge(InputTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail stale(StaleVersionException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    @ExceptionHandler(IfMatch.Missing.class)
    ProblemDetail preconditionRequired(IfMatch.Missing e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e instanceof NotAllowedException
                ? e.getMessage() : "Your account is not allowed to do this.");
    }

    @ExceptionHandler(IncompleteVerdictException.class)
    ProblemDetail incomplete(IncompleteVerdictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("The database is unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL));
        }
        log.error("Unexpected error in the API", e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed. The server log has the details."));
    }

    @ExceptionHandler(RequestSizeLimit.BodyTooLarge.class)
    ProblemDetail bodyTooLarge(RequestSizeLimit.BodyTooLarge e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    /** A Content-Type that is no media type at all (empty, or garbage) is as unsupported as a wrong one. */
    @ExceptionHandler(InvalidMediaTypeException.class)
    ProblemDetail notAMediaType(InvalidMediaTypeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The Content-Type \""
                + e.getMediaType() + "\" is not a media type; send the body as application/json.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The Content-Type " + (e.getContentType() == null ? "is missing" : "\"" + e.getContentType()
                        + "\" is not supported") + "; send the body as " + (e.getSupportedMediaTypes().isEmpty()
                        ? "application/json" : MediaType.toString(e.getSupportedMediaTypes())) + ".");
        return handleExceptionInternal(e, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
    }

    /** A query or path parameter that is not of its kind: named, with what it takes, in the caller's terms. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException parameter ? parameter.getName()
                : e.getPropertyName();
        String value = String.valueOf(e.getValue());
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The parameter '" + name + "' takes " + kindOf(e.getRequiredType()) + "; '" + shown + "' is not one.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String kindOf(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == LocalDate.class) {
            return "a date such as 2024-02-14";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "a " + type.getSimpleName();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
                return handleExceptionInternal(e, bodyTooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE,
                        request);
            }
        }
        String detail = e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? mismatched(mismatch)
                : "The request body is not valid JSON of the expected shape (dates are written 2024-02-14).";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Names the field and what it takes: the body is read strictly (see StrictJson), nothing is coerced. */
    private static String mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : String.valueOf(reference.getIndex()))
                .collect(Collectors.joining("."));
        return "The field \"" + field + "\" must be " + expected(e.getTargetType()) + ".";
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number written as a JSON number, such as 12 (not 12.5, 12.0 or \"12\")";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string in double quotes";
        }
        return type == LocalDate.class ? "a date written 2024-02-14" : "a value of another kind";
    }
}
