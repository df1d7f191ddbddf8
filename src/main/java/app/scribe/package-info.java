/**
 * Scribe's entry point (Main: the app, or a command of the CLI) and what every package may use: the user-facing exception, the data folders and the shipped books and starter models beside the code, the error log, escaping for display, signals and native threads, the version. Imports only app.scribe.cli (Main's commands) and, for Main, engine.dl4j's Nd4jLibraryCache (where JavaCPP finds ND4J's library when the app image ships it packed).
 */
package app.scribe;
