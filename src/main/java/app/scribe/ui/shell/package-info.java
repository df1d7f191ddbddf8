/**
 * The main window's frame: the app's start, the window's layout (books column, training pane, studio tabs, message bar), the menu bar, the title and closing. Imports every other ui package; none imports it.
 */
package app.scribe.ui.shell;
