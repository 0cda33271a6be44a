package dev.parley.contract.tools;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The compatibility checker's rule catalogue (docs/evolution.md). "Request" means a message written by the
 * caller and read by the contract's server (a service's parameter, a reply a responder sends to a scatter);
 * "response" a message written by the contract's owner and read by others (a reply, an event, a scattered
 * request). The checker asks whether the NEW version still works with parties built against the OLD one.
 */
public enum Rule {
    CONTRACT_RENAMED("contract-renamed", Severity.BREAKING,
            "The contract's name changed: callers address the old name."),
    CONTRACT_KIND_CHANGED("contract-kind-changed", Severity.BREAKING,
            "A service contract became an events contract or back."),
    VERSION_DECREASED("version-decreased", Severity.BREAKING,
            "The new version is lower than the old one."),
    VERSION_NOT_BUMPED("version-not-bumped", Severity.COMPATIBLE,
            "The contract changed on the wire but its version did not: a compatible change needs a minor bump."),
    OPERATION_REMOVED("operation-removed", Severity.BREAKING,
            "An operation is gone: its callers get UNIMPLEMENTED."),
    OPERATION_RENAMED("operation-renamed", Severity.BREAKING,
            "An operation is gone and a new one has the same style and messages: a rename, which callers see as a removal."),
    OPERATION_ADDED("operation-added", Severity.COMPATIBLE,
            "A new operation: old callers never call it."),
    STYLE_CHANGED("style-changed", Severity.BREAKING,
            "The interaction style changed (e.g. request/response to notification, or to publish)."),
    STYLE_SYNC_ASYNC("style-sync-async", Severity.COSMETIC,
            "request/response became request/async-response or back: the same exchange on the wire."),
    PARAMETER_ADDED("parameter-added", Severity.BREAKING,
            "An operation without a parameter now takes one: old callers send none."),
    PARAMETER_REMOVED("parameter-removed", Severity.BREAKING,
            "An operation's parameter is gone: old callers still send one."),
    RESULT_ADDED("result-added", Severity.COMPATIBLE,
            "An operation that replied with nothing now replies with a value: old callers ignore it."),
    RESULT_REMOVED("result-removed", Severity.BREAKING,
            "An operation's reply value is gone: old callers expect one."),
    EXCEPTION_ADDED("exception-added", Severity.BREAKING,
            "A new declared exception: old callers cannot rethrow it as itself and get a generic failure."),
    EXCEPTION_REMOVED("exception-removed", Severity.COMPATIBLE,
            "A declared exception is no longer thrown: old callers' handlers just never run."),
    IDEMPOTENCY_REMOVED("idempotency-removed", Severity.BREAKING,
            "An @Idempotent operation no longer is: old callers may still retry or hedge it."),
    IDEMPOTENCY_ADDED("idempotency-added", Severity.COMPATIBLE,
            "An operation became @Idempotent: new callers may retry it; old ones do not."),
    TIMEOUT_CHANGED("timeout-changed", Severity.COMPATIBLE,
            "The contract's @Timeout changed: callers built against the new version wait a different time."),
    BINDING_CHANGED("binding-changed", Severity.BREAKING,
            "How an operation maps onto a transport changed (e.g. its HTTP method or path): old callers use the old mapping."),
    BINDING_REMOVED("binding-removed", Severity.BREAKING,
            "An operation lost a transport mapping (e.g. it is no longer reachable over HTTP)."),
    BINDING_ADDED("binding-added", Severity.COMPATIBLE,
            "An operation gained a transport mapping: old callers do not use it."),
    NON_BLOCKING_CHANGED("non-blocking-changed", Severity.COSMETIC,
            "@NonBlocking changed: where the server runs the handler, invisible to callers."),
    TYPE_RENAMED("type-renamed", Severity.COSMETIC,
            "A record or enum was renamed: JSON carries no type names."),
    TYPE_CHANGED("type-changed", Severity.BREAKING,
            "A value changed type (e.g. string to integer, record to list): neither side reads the other's."),
    FORMAT_CHANGED("format-changed", Severity.BREAKING,
            "A scalar's format changed (e.g. int64 to int32, date-time to date)."),
    FORMAT_WIDENED("format-widened", Severity.COMPATIBLE,
            "An integer widened where it is read (int32 to int64 in a request) or narrowed where it is written (in a response)."),
    REQUEST_FIELD_REMOVED("request-field-removed", Severity.COMPATIBLE,
            "A request field is gone: the tolerant reader ignores it when old callers still send it."),
    RESPONSE_FIELD_REMOVED("response-field-removed", Severity.BREAKING,
            "A required response field is gone: old readers need it."),
    RESPONSE_OPTIONAL_FIELD_REMOVED("response-optional-field-removed", Severity.COMPATIBLE,
            "An optional response field is gone: old readers take its default."),
    REQUEST_FIELD_ADDED_REQUIRED("request-field-added-required", Severity.BREAKING,
            "A new required request field: old callers do not send it."),
    REQUEST_FIELD_ADDED_OPTIONAL("request-field-added-optional", Severity.COMPATIBLE,
            "A new optional request field: missing from old callers, it takes its default."),
    RESPONSE_FIELD_ADDED("response-field-added", Severity.COMPATIBLE,
            "A new response field: old readers ignore it."),
    REQUEST_FIELD_MADE_REQUIRED("request-field-made-required", Severity.BREAKING,
            "An optional request field became required: old callers may leave it out."),
    REQUEST_FIELD_MADE_OPTIONAL("request-field-made-optional", Severity.COMPATIBLE,
            "A required request field became optional: old callers always send it."),
    RESPONSE_FIELD_MADE_OPTIONAL("response-field-made-optional", Severity.BREAKING,
            "A required response field became optional: old readers expect it always."),
    RESPONSE_FIELD_MADE_REQUIRED("response-field-made-required", Severity.COMPATIBLE,
            "An optional response field became required: old readers cope with it present."),
    REQUEST_ENUM_NARROWED("request-enum-narrowed", Severity.BREAKING,
            "An enum constant is gone from a request: old callers still send it."),
    REQUEST_ENUM_WIDENED("request-enum-widened", Severity.COMPATIBLE,
            "A new enum constant in a request: old callers never send it."),
    RESPONSE_ENUM_WIDENED("response-enum-widened", Severity.BREAKING,
            "A new enum constant in a response: old readers fail on it."),
    RESPONSE_ENUM_NARROWED("response-enum-narrowed", Severity.COMPATIBLE,
            "An enum constant is gone from a response: old readers never see it again.");

    private final String id;
    private final Severity severity;
    private final String description;

    Rule(String id, Severity severity, String description) {
        this.id = id;
        this.severity = severity;
        this.description = description;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
