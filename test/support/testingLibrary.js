// Testing Library waits up to 1 s by default for findBy*/waitFor; on a shared 2-core CI machine a
// Fluent UI render can take longer. Waiting longer changes no assertion, only when a slow run gives up.
const { configure } = require("@testing-library/dom");
configure({ asyncUtilTimeout: 10000 });
