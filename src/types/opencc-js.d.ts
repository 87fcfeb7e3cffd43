// opencc-js ships its dictionaries as modules without declarations: each is one string of
// "source target" pairs joined by "|".
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
