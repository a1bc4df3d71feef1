package dev.arcrun.core.engineclient;

import dev.arcrun.core.Advice;
import dev.arcrun.core.Failure;
import dev.arcrun.core.UserFacingException;
import dev.arcrun.sdk.ArcrunException;
import dev.arcrun.sdk.EngineApiException;
import dev.arcrun.sdk.EngineUnavailableException;
import java.util.Optional;

/**
 * The SDK's failures as core's facts, so both faces word them in the user's language with their own actions (the SDK
 * itself speaks English to developers). The engine's own refusals go through {@link EngineFailure} (its error codes);
 * everything else becomes a {@link UserFacingException} here. The one mapping both faces use.
 */
public final class SdkFailures {
    private SdkFailures() {}

    /** The engine's own refusal of a call, when that is what {@code e} is. */
    public static Optional<EngineFailure> engineRefusal(ArcrunException e) {
        return e instanceof EngineApiException api ? Optional.of(EngineFailure.of(api)) : Optional.empty();
    }

    /** Any SDK failure as core's facts (an engine refusal by its code: {@link #engineRefusal} words it better). */
    public static UserFacingException facts(ArcrunException e) {
        if (e instanceof UserFacingException u) {
            return u;
        }
        String s = e.subject();
        return switch (e.kind()) {
            case ENGINE_UNREACHABLE -> of(e, Failure.of(Failure.Code.SDK_UNREACHABLE, s), Advice.of(Advice.Code.SDK_START_ENGINE));
            case ENGINE_STOPPED -> of(e, Failure.of(Failure.Code.SDK_STOPPED, s), Advice.of(Advice.Code.SDK_START_ENGINE));
            case ENGINE_NOT_WORKING -> of(e, Failure.of(Failure.Code.SDK_NOT_WORKING, s,
                    e instanceof EngineUnavailableException u ? u.status() : 0), Advice.of(Advice.Code.SDK_START_ENGINE));
            case ENGINE_TIMED_OUT -> of(e, Failure.of(Failure.Code.SDK_TIMED_OUT, s), Advice.of(Advice.Code.SDK_RETRY));
            case ENGINE_REFUSED -> e instanceof EngineApiException api
                    ? of(e, Failure.of(Failure.Code.SDK_OTHER, EngineFailure.of(api)), Advice.NONE)
                    : other(e);
            case ANSWER_UNKNOWN -> of(e, Failure.of(Failure.Code.SDK_ANSWER_UNKNOWN), Advice.of(Advice.Code.SDK_UPDATE));
            case URL_MISSING -> of(e, Failure.of(Failure.Code.SDK_URL_MISSING), Advice.of(Advice.Code.SDK_GIVE_URL));
            case URL_INVALID -> of(e, Failure.of(Failure.Code.SDK_URL_INVALID, s), Advice.of(Advice.Code.SDK_URL_FORM));
            case PLAIN_HTTP -> of(e, Failure.of(Failure.Code.SDK_PLAIN_HTTP, s), Advice.of(Advice.Code.SDK_USE_HTTPS));
            case API_KEY_MISSING -> of(e, Failure.of(Failure.Code.SDK_API_KEY_MISSING, s), Advice.of(Advice.Code.SDK_GIVE_KEY));
            case API_KEY_WITHHELD -> of(e, Failure.of(Failure.Code.SDK_API_KEY_WITHHELD, s), Advice.of(Advice.Code.SDK_KEY_ELSEWHERE));
            case ENCRYPTION_KEY_MISSING -> of(e, Failure.of(Failure.Code.SDK_ENCRYPTION_KEY_MISSING, s), Advice.of(Advice.Code.SDK_GIVE_KEY));
            case ENCRYPTION_KEY_WITHHELD -> of(e, Failure.of(Failure.Code.SDK_ENCRYPTION_KEY_WITHHELD, s),
                    Advice.of(Advice.Code.SDK_KEY_ELSEWHERE));
            case ENCRYPTION_KEY_INVALID -> of(e, Failure.of(Failure.Code.SDK_ENCRYPTION_KEY_INVALID), Advice.of(Advice.Code.SDK_GIVE_KEY));
            case SECRET_TWICE -> of(e, Failure.of(Failure.Code.SDK_SECRET_TWICE, s), Advice.of(Advice.Code.SDK_SECRET_ONCE));
            case SECRET_UNKNOWN -> of(e, Failure.of(Failure.Code.SDK_SECRET_UNKNOWN, s, value(e, 0)),
                    Advice.of(Advice.Code.SDK_SECRETS_EXPECTED, value(e, 1)));
            case SECRETS_MISSING -> of(e, Failure.of(Failure.Code.SDK_SECRETS_MISSING, s, value(e, 0)),
                    Advice.of(Advice.Code.SDK_SECRETS_EXPECTED, value(e, 1)));
            case WORKFLOW_UNNAMED -> of(e, Failure.of(Failure.Code.SDK_WORKFLOW_UNNAMED), Advice.of(Advice.Code.SDK_WORKFLOW_NAME));
            case OTHER -> other(e);
        };
    }

    private static String value(ArcrunException e, int i) {
        return i < e.values().size() ? e.values().get(i) : "";
    }

    /** A failure from outside the SDK's kinds: its own (English) words, as the only value. */
    private static UserFacingException other(ArcrunException e) {
        return of(e, Failure.of(Failure.Code.SDK_OTHER, e.getMessage()), Advice.NONE);
    }

    private static UserFacingException of(ArcrunException cause, Failure failure, Advice advice) {
        return new UserFacingException(failure, advice, cause);
    }
}
