// Loaded as a module from the layout: the CSP allows no inline script, so the class that
// govuk-frontend's template adds inline is added here, then every component is started.
import { initAll } from "/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
