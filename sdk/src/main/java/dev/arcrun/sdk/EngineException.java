package dev.arcrun.sdk;


/**
 * Anything that went wrong talking to the engine. The subtypes say what: the engine answered with an error
 * ({@link EngineApiException} and its kinds), it could not be reached, it stopped or answered with something that
 * is not its API ({@link EngineUnavailableException}), or it did not answer in time. Messages
 * never contain the api key, the encryption key or a credential value.
 */
public abstract sealed class EngineException extends ArcrunException
        permits EngineApiException, EngineUnreachableException, EngineUnavailableException, EngineTimeoutException {

    EngineException(Kind kind, String url, String message, String advice) {
        super(kind, url, message, advice);
    }
}
