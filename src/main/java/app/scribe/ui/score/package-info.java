/**
 * The Score tab: bits per character and each character's surprise for any text. Imports ui.common only.
 */
package app.scribe.ui.score;
