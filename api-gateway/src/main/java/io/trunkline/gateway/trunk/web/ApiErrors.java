package io.trunkline.gateway.trunk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.trunkline.gateway.account.web.Unauthenticated;
import io.trunkline.gateway.trunk.DuplicateTrunk;
import io.trunkline.gateway.trunk.InvalidTrunk;
import io.trunkline.gateway.trunk.PhoneNumberInUse;
import io.trunkline.gateway.trunk.RequestNotReplayable;
import io.trunkline.gateway.trunk.TrunkNotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the API into its documented body, in one place. The 422/409/500
 * shapes are fixed by the contract (Laravel-style), so this writes those rather than RFC
 * 9457 problem details.
 */
@RestControllerAdvice
class ApiErrors {

	private static final Logger logger = LoggerFactory.getLogger(ApiErrors.class);

	static final String INVALID = "The given data was invalid.";

	@ExceptionHandler
	ResponseEntity<Object> unauthenticated(Unauthenticated ex) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(Map.of("message", "Unauthenticated."));
	}

	@ExceptionHandler
	ResponseEntity<Object> invalid(InvalidTrunk ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", INVALID);
		body.put("errors", ex.errors());
		return ResponseEntity.unprocessableContent().body(body);
	}

	@ExceptionHandler
	ResponseEntity<Object> duplicate(DuplicateTrunk ex) {
		return Answers.error(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> numberInUse(PhoneNumberInUse ex) {
		return Answers.error(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> notFound(TrunkNotFound ex) {
		return Answers.error(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<Object> noRoute(NoResourceFoundException ex) {
		return Answers.error(HttpStatus.NOT_FOUND, "Not found.");
	}

	@ExceptionHandler
	ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodySizeLimit.BodyTooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.header("Connection", "close")
					.body(Map.of("message", BodySizeLimit.TOO_LARGE_MESSAGE));
			}
		}
		return ResponseEntity.badRequest().body(Map.of("message", "The request body is not valid JSON."));
	}

	@ExceptionHandler
	ResponseEntity<Object> unsupportedMediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(Map.of("message", "The request body must be JSON (Content-Type: application/json)."));
	}

	@ExceptionHandler
	ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException ex) {
		return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
	}

	@ExceptionHandler
	ResponseEntity<Object> methodNotAllowed(HttpRequestMethodNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.body(Map.of("message", "The " + ex.getMethod() + " method is not supported for this route."));
	}

	@ExceptionHandler
	ResponseEntity<Object> notReplayable(RequestNotReplayable ex) {
		return Answers.error(HttpStatus.CONFLICT, ex.getMessage());
	}

	/**
	 * Whatever nothing above expected (the database down during a create, a bug): a
	 * create answers the documented 500, which promises that nothing was created (the
	 * request was not recorded, so it never will be); every other route answers Laravel's
	 * {@code {"message": "Server Error"}}. Never Boot's error page, never the exception's
	 * text: it is logged with the route instead.
	 */
	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex, HandlerMethod handler) {
		String route = (handler != null) ? handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName()
				: "an unknown route";
		logger.error("Unexpected failure in {}; answering 500", route, ex);
		if (handler != null && handler.hasMethodAnnotation(AnswersAsCreate.class)) {
			return Answers.provisioningFailed();
		}
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Map.of("message", "Server Error"));
	}

}
