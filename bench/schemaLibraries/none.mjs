export const load = async () => ({});
export const use = () => [true, true, "-"];
