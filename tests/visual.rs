//! Visual reference tests, native side: every case in `tests/visual/cases.json` is drawn to a
//! bitmap with the font pinned in `tests/visual/font/` at each width, pixel ratio and theme, and
//! compared with its reference image in `tests/visual/native/`. A mismatch writes the drawn
//! image and a diff image (differing pixels red) and names them.
//!
//! Regenerate the references after an intended change: `UPDATE_VISUAL=1 cargo test --test
//! visual` (or `npm run visual:update` for both native and Chromium), then look at them.

use std::path::{Path, PathBuf};

use plotters::prelude::*;
use plotters::style::FontStyle;
use postchart::render::{self, RenderOptions, Theme};
use postchart::ChartSpec;
use serde::Deserialize;

/// The family name the pinned font is registered under, here and in the Chromium test page.
const FONT_FAMILY: &str = "postchart-visual";
static FONT: &[u8] = include_bytes!("visual/font/postchart-visual.ttf");

/// How far apart (0–1, in YIQ, as pixelmatch measures) two pixels may be and still match:
/// stricter than pixelmatch's 0.1, which lets a colour change of 32 levels in one channel pass.
const PIXEL_THRESHOLD: f64 = 0.03;
/// The share of pixels that may differ: the same code and font give the same pixels, but
/// floating point in anti-aliasing may differ between machines.
const MAX_DIFFERING_SHARE: f64 = 0.001;

#[derive(Deserialize)]
struct Cases {
    widths: Vec<u32>,
    pixel_ratios: Vec<u32>,
    themes: Vec<String>,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    spec: ChartSpec,
}

struct Image {
    width: u32,
    height: u32,
    rgb: Vec<u8>,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/visual")
}

fn draw(spec: &ChartSpec, width: u32, ratio: u32, theme: &str) -> Image {
    let height = render::chart_height(spec, width as f64) as u32;
    let (w, h) = (width * ratio, height * ratio);
    let mut rgb = vec![0u8; (w * h * 3) as usize];
    {
        let backend = BitMapBackend::with_buffer(&mut rgb, (w, h));
        let options = RenderOptions {
            pixel_ratio: ratio as f64,
            theme: if theme == "dark" {
                Theme::dark()
            } else {
                Theme::light()
            },
            font_family: FONT_FAMILY.to_string(),
        };
        render::render(spec, backend, &options).expect("the case draws");
    }
    Image {
        width: w,
        height: h,
        rgb,
    }
}

fn read_png(path: &Path) -> Option<Image> {
    let file = std::fs::File::open(path).ok()?;
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().ok()?;
    let mut buf = vec![0; reader.output_buffer_size()?];
    let info = reader.next_frame(&mut buf).ok()?;
    let channels = info.color_type.samples();
    let rgb = buf[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|px| match channels {
            1 | 2 => [px[0], px[0], px[0]],
            _ => [px[0], px[1], px[2]],
        })
        .collect();
    Some(Image {
        width: info.width,
        height: info.height,
        rgb,
    })
}

fn write_png(path: &Path, image: &Image) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let file = std::fs::File::create(path).unwrap();
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), image.width, image.height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::High);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&image.rgb).unwrap();
}

/// pixelmatch's colour distance: squared YIQ difference.
fn yiq_delta(a: &[u8], b: &[u8]) -> f64 {
    let (dr, dg, db) = (
        a[0] as f64 - b[0] as f64,
        a[1] as f64 - b[1] as f64,
        a[2] as f64 - b[2] as f64,
    );
    let y = dr * 0.298_895_31 + dg * 0.586_622_47 + db * 0.114_482_23;
    let i = dr * 0.595_977_99 - dg * 0.274_176_10 - db * 0.321_801_89;
    let q = dr * 0.211_470_17 - dg * 0.522_617_11 + db * 0.311_146_94;
    0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
}

/// The number of differing pixels and a diff image: the reference faded, differences in red.
fn compare(actual: &Image, reference: &Image) -> (usize, Image) {
    let max_delta = 35215.0 * PIXEL_THRESHOLD * PIXEL_THRESHOLD;
    let mut differing = 0;
    let mut diff = Vec::with_capacity(actual.rgb.len());
    for (a, r) in actual.rgb.chunks(3).zip(reference.rgb.chunks(3)) {
        if yiq_delta(a, r) > max_delta {
            differing += 1;
            diff.extend_from_slice(&[255, 0, 0]);
        } else {
            let grey = (r[0] as u32 * 3 + r[1] as u32 * 6 + r[2] as u32) / 10;
            let faded = (255 - (255 - grey) / 10) as u8;
            diff.extend_from_slice(&[faded, faded, faded]);
        }
    }
    let image = Image {
        width: actual.width,
        height: actual.height,
        rgb: diff,
    };
    (differing, image)
}

#[test]
fn every_chart_kind_matches_its_reference_image() {
    plotters::style::register_font(FONT_FAMILY, FontStyle::Normal, FONT)
        .unwrap_or_else(|_| panic!("the pinned font loads"));
    let cases: Cases =
        serde_json::from_str(&std::fs::read_to_string(dir().join("cases.json")).unwrap()).unwrap();
    let update = std::env::var_os("UPDATE_VISUAL").is_some_and(|v| v == "1");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("visual/native");
    // Only this run's failures are left there.
    let _ = std::fs::remove_dir_all(&out);
    let mut failures = Vec::new();
    let mut compared = 0;
    for case in &cases.cases {
        for theme in &cases.themes {
            for &width in &cases.widths {
                for &ratio in &cases.pixel_ratios {
                    let name = format!("{}-{theme}-w{width}@{ratio}x.png", case.name);
                    let actual = draw(&case.spec, width, ratio, theme);
                    let reference_path = dir().join("native").join(&name);
                    if update {
                        write_png(&reference_path, &actual);
                        continue;
                    }
                    compared += 1;
                    let Some(reference) = read_png(&reference_path) else {
                        write_png(&out.join(&name), &actual);
                        failures.push(format!(
                            "{name}: no reference image (drawn: {})",
                            out.join(&name).display()
                        ));
                        continue;
                    };
                    if (reference.width, reference.height) != (actual.width, actual.height) {
                        write_png(&out.join(&name), &actual);
                        failures.push(format!(
                            "{name}: drawn {}×{}, reference {}×{} (drawn: {})",
                            actual.width,
                            actual.height,
                            reference.width,
                            reference.height,
                            out.join(&name).display()
                        ));
                        continue;
                    }
                    let (differing, diff) = compare(&actual, &reference);
                    let total = (actual.width * actual.height) as f64;
                    if differing as f64 > total * MAX_DIFFERING_SHARE {
                        let diff_path = out.join(name.replace(".png", ".diff.png"));
                        write_png(&out.join(&name), &actual);
                        write_png(&diff_path, &diff);
                        failures.push(format!(
                            "{name}: {differing} of {total} pixels differ (diff: {})",
                            diff_path.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {compared} images differ from their references; if the change is intended, \
         regenerate with `UPDATE_VISUAL=1 cargo test --test visual` and look at them:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
