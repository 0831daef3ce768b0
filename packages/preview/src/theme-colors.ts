/** Chart colours from the VS Code theme: the webview exposes the theme as CSS variables on <html>. */
import { LIGHT_THEME, type ChartTheme } from '@monitor/render';

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
    const value = style.getPropertyValue(name).trim();
    return value || fallback;
}

/** Reads the current theme's colours; falls back to the light theme outside VS Code. */
export function themeColors(root: HTMLElement = document.documentElement): ChartTheme {
    const s = getComputedStyle(root);
    const highContrast = document.body.classList.contains('vscode-high-contrast');
    return {
        text: cssVar(s, '--vscode-foreground', LIGHT_THEME.text),
        grid: cssVar(s, '--vscode-editorWidget-border', LIGHT_THEME.grid),
        actual: cssVar(s, '--vscode-charts-blue', LIGHT_THEME.actual),
        target: cssVar(s, '--vscode-descriptionForeground', LIGHT_THEME.target),
        band: cssVar(s, '--vscode-descriptionForeground', LIGHT_THEME.band),
        reference: cssVar(s, '--vscode-disabledForeground', LIGHT_THEME.reference),
        note: cssVar(s, '--vscode-charts-orange', LIGHT_THEME.note),
        provisional: highContrast ? 'transparent' : cssVar(s, '--vscode-editorWidget-border', LIGHT_THEME.provisional),
        hidden: cssVar(s, '--vscode-disabledForeground', LIGHT_THEME.hidden),
        status: {
            'on-track': cssVar(s, '--vscode-charts-green', LIGHT_THEME.status['on-track']),
            'within-tolerance': cssVar(s, '--vscode-charts-yellow', LIGHT_THEME.status['within-tolerance']),
            'off-track': cssVar(s, '--vscode-charts-red', LIGHT_THEME.status['off-track']),
            'no-target': cssVar(s, '--vscode-charts-blue', LIGHT_THEME.status['no-target']),
            'no-data': cssVar(s, '--vscode-disabledForeground', LIGHT_THEME.status['no-data']),
        },
        font: cssVar(s, '--vscode-font-family', LIGHT_THEME.font),
    };
}
