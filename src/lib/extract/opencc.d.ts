// opencc-js ships its dictionaries as plain ES modules without type declarations.
declare module 'opencc-js/dict/TSCharacters' {
	const pairs: string;
	export default pairs;
}
declare module 'opencc-js/dict/TWVariantsRev' {
	const pairs: string;
	export default pairs;
}
declare module 'opencc-js/dict/HKVariantsRev' {
	const pairs: string;
	export default pairs;
}
