/**
 * Text in: reading files of any encoding, refusing binary ones, stripping Project Gutenberg's header and footer, Unicode normalisation, the cleaning of characters, the vocabulary and the mapping of text to indices, the batches a training draws from the books with their validation share, and texts of records (RecordFormat, RecordText, RecordBatches): short items each between two marks, learnt each from its start. Imports no other Scribe package.
 */
package app.scribe.corpus;
