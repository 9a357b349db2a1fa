// postchart example: Eleventy. Posts in posts/ get the layout that marks the rendered story
// for the widget and shows the charts `postchart render` drew at build time.
export default function (config) {
  config.addGlobalData('layout', 'post.njk');
  config.addPassthroughCopy({ '../../dist': 'postchart' });
  return { dir: { input: '.', includes: '_includes', output: '_site' } };
}
