/** 1-based line and 0-based UTF-16 column of offsets read in increasing order (one pass over the text). */
export function lineTracker(text: string): (offset: number) => { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let searchedTo = 0;
  return (offset) => {
    for (let nl = text.indexOf('\n', searchedTo); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    searchedTo = Math.max(searchedTo, offset);
    return { line, column: offset - lineStart };
  };
}
