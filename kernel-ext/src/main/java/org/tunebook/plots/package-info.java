/**
 * Plots of studies and optimization results: {@link org.tunebook.plots.Plots} is the entry point.
 *
 * <h2>Static plots (XChart)</h2>
 * Every method returns a {@link org.tunebook.plots.Plot}: one chart, or a grid of charts drawn into one image
 * (contour, Pareto, plot_objective and plot_evaluations matrices). {@code savePng}, {@code saveSvg},
 * {@code toPngBytes}, {@code saveHtml}, and {@code bundle()} for the notebook display (image/png first).
 * Log parameters get log axes, categorical parameters get their choices as tick labels (points jittered
 * sideways), single plots are 800 px wide and matrices about 880 px.
 * <ul>
 * <li>Contours interpolate the trials by inverse-distance weighting (power 2) in the unit square of the two
 * parameters ({@link org.tunebook.plots.Interpolation}).</li>
 * <li>Importance is permutation importance on a random forest fitted to the trials
 * ({@link org.tunebook.plots.ParamImportance}).</li>
 * <li>plot_objective is the partial dependence of a {@link org.tunebook.plots.Surrogate} (skopt's method: 40 points
 * per axis, each averaged over 250 random points); {@link org.tunebook.plots.SurrogateResult} is what it reads from a
 * GP result, and {@code SurrogateResult.fromStudy(study)} fits a random forest to any study.</li>
 * </ul>
 *
 * <h2>Interactive plots (Plotly via tablesaw-jsplot), offline</h2>
 * {@code Plots.history / slice / contour / parallelCoordinates(...).interactive()} give an
 * {@link org.tunebook.plots.InteractivePlot}. plotly.js is never loaded from a CDN: it is a pinned local copy
 * ({@link org.tunebook.plots.PlotlyJs}, npm {@code plotly.js-dist-min}, fetched by {@code scripts/setup.d/40-plotly.sh}
 * into {@code $TUNEBOOK_DATA/plotly/}).
 * <ul>
 * <li>Standalone files: {@code interactive().saveHtml("x.html")} embeds plotly.js (about 4.6 MB) in the page; it
 * opens without network.</li>
 * <li>Notebooks: run {@code display(PlotlyJs.bundle())} once, in the first cell that shows interactive plots (it
 * puts plotly.js into the page as {@code window.Plotly}, hiding require.js while it loads); then
 * {@code display(plot.interactive().bundle())} for each figure. The figure's HTML keeps the static PNG as a
 * fallback that stays visible when scripts do not run (untrusted notebook, GitHub, nbconvert without JavaScript)
 * or when plotly.js was not loaded, and the bundle carries image/png too. Exporting the notebook to HTML keeps the
 * loader cell's script, so the exported page works offline as well.</li>
 * </ul>
 */
package org.tunebook.plots;
