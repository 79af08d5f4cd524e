// The share button: a dialog with the link to the page as it is now (its fragment holds the state) and that link as
// a QR code, for students' phones. The QR encoder (ZXing's, compiled by TeaVM: qr.js) loads on the first use only.
"use strict";

const share = { encoder: null };

function qrEncoder() {
  share.encoder ??= loadUmd("qr.js").catch((error) => {
    share.encoder = null;
    throw error;
  });
  return share.encoder;
}

/** Draws the QR code's modules ("0"/"1" rows, one per line) with a quiet zone of 4 modules, black on white. */
function drawQr(canvas, modules) {
  const rows = modules.trim().split("\n");
  const size = rows.length + 8;
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext("2d");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, size, size);
  context.fillStyle = "#000";
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (row[x] === "1") {
        context.fillRect(x + 4, y + 4, 1, 1);
      }
    }
  });
}

async function openShare() {
  const dialog = document.getElementById("share-dialog");
  const link = location.href;
  const field = document.getElementById("share-link");
  const status = document.getElementById("share-status");
  field.value = link;
  dialog.dataset.state = "loading";
  status.textContent = "QR code: loading the encoder…";
  dialog.showModal();
  field.select();
  try {
    const encoder = await qrEncoder();
    const modules = encoder.qrModules(link);
    if (modules.startsWith("error: ")) {
      throw new Error(modules.slice(7));
    }
    drawQr(document.getElementById("share-qr"), modules);
    status.textContent = "Scan it, or copy the link.";
    dialog.dataset.state = "ready";
    dialog.dataset.link = link;
  } catch (error) {
    status.textContent = "no QR code: " + messageOf(error);
    dialog.dataset.state = "error";
  }
}

document.getElementById("share-open").addEventListener("click", openShare);
