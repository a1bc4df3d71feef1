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
}
