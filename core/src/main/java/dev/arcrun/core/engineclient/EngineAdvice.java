package dev.arcrun.core.engineclient;

/**
 * What a person can do about an engine failure, as a fact: each face words it with its own actions (the app names
 * its pages, the CLI its commands). Arguments travel in the {@link EngineFailure}.
 */
public enum EngineAdvice {
    /** Set up the failure's service (its credentials are missing). */
    SET_UP_SERVICE,
    /** Check the service's credentials (the service refused them). */
    CHECK_SERVICE,
    /** Allow the failure's host:port for workflows in the engine's settings. */
    ALLOW_PRIVATE_HOST,
    /** Change the workflow document and store it again. */
    FIX_WORKFLOW,
    /** Change the run's input and run again. */
    FIX_INPUT,
    /** Give a name that exists (the lists show what does). */
    CHECK_NAME,
    /** Try again later; look at the engine's log if it keeps failing. */
    RETRY,
    /** Use an app and an engine of the same version. */
    UPDATE,
    /** The install's keys do not fit its engine: set the engine up again. */
    REINSTALL,
    /** Nothing to add to the cause. */
    NONE
}
