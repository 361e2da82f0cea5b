// Simcast's view of an XML document exactly as MuJoCo reads it.
//
// MuJoCo 2.2.2 parses MJCF and URDF with the system's tinyxml2 (XMLDocument::Parse, entities processed, whitespace
// preserved). The scene sandbox (io.simcast.sim.scene.SceneSandbox) must see the same elements and attribute values,
// so it asks the same library: any other parser differs somewhere (entities, DOCTYPE, duplicate attributes, what
// counts as well-formed), and every difference is a way past the sandbox.
#ifndef SIMCAST_XML_H_
#define SIMCAST_XML_H_

#include <string>
#include <utility>
#include <vector>
#include "tinyxml2.h"

// Parses the first `length` bytes of `text` as MuJoCo does and returns an outline of the document: a sequence of
// fields, each written as its length in decimal, ':' and its bytes. The first field is "error" (then the tinyxml2
// error id and text) or "outline", followed by one record per node in document order:
//   "element", depth, line, name, attribute count, then name, value and line of each attribute;
//   "unknown", depth, line, text (tinyxml2's name for <!DOCTYPE ...> and any other <!...>).
// Names and values come from C strings, so the outline never holds a NUL byte.
inline std::string simcast_xml_outline(const char* text, size_t length) {
  std::string out;
  auto field = [&out](const std::string& value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
  };
  tinyxml2::XMLDocument doc;
  if (doc.Parse(text, length) != tinyxml2::XML_SUCCESS) {
    field("error");
    field(std::to_string(static_cast<int>(doc.ErrorID())));
    field(doc.ErrorStr() ? doc.ErrorStr() : "");
    return out;
  }
  field("outline");
  // Depth-first in document order without recursion: children are pushed last to first.
  std::vector<std::pair<const tinyxml2::XMLNode*, int>> pending;
  for (const tinyxml2::XMLNode* child = doc.LastChild(); child; child = child->PreviousSibling()) {
    pending.emplace_back(child, 0);
  }
  while (!pending.empty()) {
    const tinyxml2::XMLNode* node = pending.back().first;
    int depth = pending.back().second;
    pending.pop_back();
    if (const tinyxml2::XMLElement* element = node->ToElement()) {
      field("element");
      field(std::to_string(depth));
      field(std::to_string(element->GetLineNum()));
      field(element->Name());
      int count = 0;
      for (const tinyxml2::XMLAttribute* a = element->FirstAttribute(); a; a = a->Next()) {
        count++;
      }
      field(std::to_string(count));
      for (const tinyxml2::XMLAttribute* a = element->FirstAttribute(); a; a = a->Next()) {
        field(a->Name());
        field(a->Value());
        field(std::to_string(a->GetLineNum()));
      }
    } else if (const tinyxml2::XMLUnknown* unknown = node->ToUnknown()) {
      field("unknown");
      field(std::to_string(depth));
      field(std::to_string(unknown->GetLineNum()));
      field(unknown->Value());
    }
    for (const tinyxml2::XMLNode* child = node->LastChild(); child; child = child->PreviousSibling()) {
      pending.emplace_back(child, depth + 1);
    }
  }
  return out;
}

#endif  // SIMCAST_XML_H_
