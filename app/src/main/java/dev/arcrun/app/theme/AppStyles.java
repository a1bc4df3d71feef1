package dev.arcrun.app.theme;

/**
 * The style classes of our own stylesheet ({@code app.css}), named once as AtlantaFX's {@code Styles} names its own:
 * views refer to these constants, never to a literal, so a renamed class is a compile error rather than a silently
 * unstyled node. AtlantaFX's classes (accent, danger, text-muted, …) stay in {@code atlantafx.base.theme.Styles}.
 */
public final class AppStyles {
    private AppStyles() {}

    // the window
    public static final String APP_SIDEBAR = "app-sidebar";
    public static final String APP_TITLE = "app-title";
    public static final String NAV_BUTTON = "nav-button";
    public static final String PAGE = "page";
    public static final String PAGE_TITLE = "page-title";
    public static final String MUTED = "muted";
    public static final String BADGE = "badge";
    public static final String CARD_TITLE = "card-title";
    public static final String CODE = "code";
    public static final String EMPTY_ICON = "empty-icon";

    // the dashboard
    public static final String DASHBOARD_PAGE = "dashboard-page";
    public static final String DASHBOARD_TAB = "dashboard-tab";
    public static final String DASHBOARD_SPLIT = "dashboard-split";
    public static final String DASHBOARD_CARD = "dashboard-card";
    public static final String DANGER_ZONE = "danger-zone";
    public static final String ENGINE_FACTS = "engine-facts";
    public static final String HEALTH_BADGE = "health-badge";

    // components and examples
    public static final String CATALOG = "catalog";
    public static final String CATALOG_CARD = "catalog-card";
    public static final String CATALOG_SECTION = "catalog-section";
    public static final String CATEGORY_BADGE = "category-badge";

    // the run timeline
    public static final String TIMELINE = "timeline";
    public static final String TIMELINE_STEP = "timeline-step";
    public static final String TIMELINE_STEP_ERROR = "timeline-step-error";
    public static final String DURATION_BAR = "duration-bar";
    public static final String DURATION_TRACK = "duration-track";
    public static final String JSON_TREE = "json-tree";

    // settings
    public static final String SETTINGS_PAGE = "settings-page";
    public static final String SETTINGS_SECTION = "settings-section";
    public static final String SETTINGS_ROW = "settings-row";
    public static final String FIELD_LABEL = "field-label";

    // the data-leaving notice
    public static final String LEAVING_HOST = "leaving-host";

    // home, the wizard and the resume banner (literals until now)
    public static final String RESUME_BANNER = "resume-banner";
    public static final String RESUME_TEXT = "resume-text";
    public static final String PLAN_STEP = "plan-step";
    public static final String PLAN_ACTION = "plan-action";
    public static final String WIZARD_STEPPER = "wizard-stepper";
    public static final String WIZARD_STEP = "wizard-step";
    public static final String WIZARD_BUTTONS = "wizard-buttons";
    public static final String WIZARD_STEP_DONE = "done";
    public static final String WIZARD_STEP_CURRENT = "current";
    public static final String PERM = "perm";
    public static final String PERM_GRANTED = "perm-granted";
    public static final String PERM_MISSING = "perm-missing";
    public static final String PERM_UNCHECKED = "perm-unchecked";
    public static final String WIZARD_PAGE = "wizard-page";
    public static final String INSTALL_STEPS = "install-steps";
    public static final String PROBLEM_BOX = "problem-box";
    /** A stop the user asked for (a cancel): said plainly, not in the colours of an error. */
    public static final String STOPPED_BOX = "stopped-box";
    public static final String STEP_TITLE = "step-title";
    public static final String STEP_ROW = "step-row";
    public static final String STEP_STATE_PREFIX = "step-state-";
    public static final String STEP_ICON = "step-icon";
    public static final String TARGET_CARD = "target-card";
    public static final String RECOMMENDED = "recommended";
    public static final String UNFINISHED_ROW = "unfinished-row";

    // home: the start on this computer (home-progress)
    public static final String HOME_STEPS = "home-steps";
    public static final String HOME_STEP_PROGRESS = "home-step-progress";
    public static final String DISCLOSURE = "disclosure";
}
